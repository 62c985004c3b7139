// Word lists for the map dataset: cities (real centres, fictional places), place categories with name
// patterns, opening-hour patterns and street names. ASCII only, so names survive URL encoding unchanged
// apart from '+' for spaces, and agents can type them.

export interface CitySpec {
  name: string;
  lat: number;
  lon: number;
  /** Telephone area code. */
  area: string;
}

export const CITIES: CitySpec[] = [
  { name: 'Pittsburgh', lat: 40.4406, lon: -79.9959, area: '412' },
  { name: 'Cleveland', lat: 41.4993, lon: -81.6944, area: '216' },
  { name: 'Columbus', lat: 39.9612, lon: -82.9988, area: '614' },
  { name: 'Buffalo', lat: 42.8864, lon: -78.8784, area: '716' },
  { name: 'Erie', lat: 42.1292, lon: -80.0851, area: '814' },
];

export interface CategorySpec {
  id: string;
  label: string;
  plural: string;
  /** `{X}` is replaced by a name word. */
  patterns: string[];
  hours: string[];
}

export const CATEGORY_SPECS: CategorySpec[] = [
  { id: 'cafe', label: 'Cafe', plural: 'Cafes', patterns: ['{X} Coffee House', '{X} Cafe', '{X} Espresso Bar', '{X} Bakery Cafe'],
    hours: ['Mo-Fr 07:00-18:00; Sa-Su 08:00-16:00', 'Daily 06:30-20:00', 'Mo-Sa 07:00-15:00; Su closed'] },
  { id: 'restaurant', label: 'Restaurant', plural: 'Restaurants', patterns: ['{X} Bistro', '{X} Grill', '{X} Diner', '{X} Kitchen'],
    hours: ['Tu-Su 11:30-22:00; Mo closed', 'Daily 11:00-23:00', 'Mo-Sa 17:00-23:00; Su closed'] },
  { id: 'museum', label: 'Museum', plural: 'Museums', patterns: ['{X} Museum of Art', '{X} History Museum', '{X} Science Center', '{X} Gallery'],
    hours: ['Tu-Su 10:00-17:00; Mo closed', 'Daily 09:00-18:00', 'We-Su 10:00-16:00; Mo-Tu closed'] },
  { id: 'hospital', label: 'Hospital', plural: 'Hospitals', patterns: ['{X} General Hospital', '{X} Medical Center', '{X} Memorial Hospital'],
    hours: ['Open 24 hours'] },
  { id: 'park', label: 'Park', plural: 'Parks', patterns: ['{X} Park', '{X} Gardens', '{X} Commons', '{X} Green'],
    hours: ['Daily 06:00-22:00', 'Daily dawn to dusk', 'Open 24 hours'] },
  { id: 'hotel', label: 'Hotel', plural: 'Hotels', patterns: ['{X} Hotel', '{X} Inn', '{X} Suites', 'Hotel {X}'],
    hours: ['Open 24 hours', 'Reception daily 07:00-23:00'] },
  { id: 'station', label: 'Station', plural: 'Stations', patterns: ['{X} Station', '{X} Transit Center', '{X} Street Station'],
    hours: ['Daily 05:00-01:00', 'Open 24 hours', 'Mo-Fr 05:30-00:30; Sa-Su 07:00-00:30'] },
  { id: 'university', label: 'University', plural: 'Universities', patterns: ['{X} University', '{X} College', '{X} Institute of Technology'],
    hours: ['Mo-Fr 08:00-20:00; Sa 09:00-13:00', 'Mo-Fr 07:30-22:00'] },
  { id: 'library', label: 'Library', plural: 'Libraries', patterns: ['{X} Public Library', '{X} Branch Library'],
    hours: ['Mo-Th 09:00-20:00; Fr-Sa 09:00-17:00; Su closed', 'Tu-Sa 10:00-18:00'] },
  { id: 'pharmacy', label: 'Pharmacy', plural: 'Pharmacies', patterns: ['{X} Pharmacy', '{X} Drugstore'],
    hours: ['Mo-Fr 08:00-21:00; Sa-Su 09:00-18:00', 'Open 24 hours'] },
];

/** Distinct words, none a substring of another, so no generated name contains another. */
export const NAME_WORDS = [
  'Maple', 'Riverside', 'Lakeview', 'Highland', 'Carnegie', 'Franklin', 'Juniper', 'Summit', 'Harbor', 'Birchwood',
  'Cedar', 'Willow', 'Granite', 'Meadow', 'Liberty', 'Union', 'Beacon', 'Chestnut', 'Prospect', 'Fairmount',
  'Bellevue', 'Northgate', 'Eastbrook', 'Westfield', 'Southport', 'Kingsley', 'Ashford', 'Brighton', 'Clifton', 'Dorset',
  'Elmhurst', 'Foxglove', 'Greystone', 'Hawthorne', 'Ironbridge', 'Jefferson', 'Kenwood', 'Larchmont', 'Madison', 'Norwood',
  'Orchard', 'Pinecrest', 'Quarry', 'Rosemont', 'Sycamore', 'Thornbury', 'Upland', 'Valley', 'Waverly', 'Yorktown',
  'Alder', 'Bluestone', 'Copper', 'Driftwood', 'Emerald', 'Fulton', 'Garfield', 'Hillcrest', 'Ivory', 'Lincoln',
  'Monroe', 'Newbury', 'Oakridge', 'Pemberton', 'Radcliffe', 'Silverton', 'Tamarack', 'Vernon', 'Whitman', 'Zephyr',
  'Amberly', 'Blackstone', 'Crescent', 'Dalton', 'Evergreen', 'Fenwick', 'Gladstone', 'Holloway', 'Inglewood', 'Lockhart',
];

export const STREETS = [
  'Forbes Avenue', 'Liberty Avenue', 'Penn Avenue', 'Main Street', 'Oak Street', 'Market Street', 'Church Street',
  'Lake Road', 'Mill Road', 'Park Avenue', 'High Street', 'Elm Street', 'Washington Boulevard', 'River Road',
  'Bridge Street', 'Hill Street', 'College Avenue', 'Station Road', 'Center Street', 'Grant Street',
];

export const SAVED_LISTS = ['Favorites', 'Want to go', 'Work'] as const;
export type SavedList = (typeof SAVED_LISTS)[number];
