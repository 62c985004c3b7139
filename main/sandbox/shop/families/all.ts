// Every shop task family, in code order.
import type { TaskFamily } from '../../types';
import { addToCart } from './add-to-cart';
import { checkout } from './checkout';
import { cheapestInCategory } from './cheapest-in-category';
import { monthlySpend } from './monthly-spend';
import { priceDifference } from './price-difference';
import { reviewPurchase } from './review-purchase';
import { sortedCategory } from './sorted-category';
import { wishlistBestRated } from './wishlist-best-rated';

export const SHOP_FAMILIES: TaskFamily[] = [
  cheapestInCategory, sortedCategory, addToCart, checkout, monthlySpend, wishlistBestRated, priceDifference, reviewPurchase,
];
