// The map's task families, in code order (501–510).
import type { TaskFamily } from '../../types';
import { closestCategory } from './closest-category';
import { directionsUrl } from './directions-url';
import { nearbyResults } from './nearby-results';
import { nearestOfThree } from './nearest-of-three';
import { nearestThenRoute } from './nearest-then-route';
import { placeCoordinates } from './place-coordinates';
import { saveNearest } from './save-nearest';
import { savePlaceFamily } from './save-place';
import { saveTopRated } from './save-top-rated';
import { travelTime } from './travel-time';

export const MAP_FAMILIES: TaskFamily[] = [
  placeCoordinates, travelTime, closestCategory, nearestOfThree, directionsUrl, nearbyResults, savePlaceFamily, saveNearest, nearestThenRoute, saveTopRated,
];
