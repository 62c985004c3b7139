// Every admin task family, in code order (codes 201–211).
import type { TaskFamily } from '../../types';
import { bestsellerStock } from './bestseller-stock';
import { cancelPending } from './cancel-pending';
import { countOrdersFamily } from './count-orders';
import { customerGroup } from './customer-group';
import { holdWithComment } from './hold-with-comment';
import { largestOrderEmail } from './largest-order-email';
import { moderateReviews } from './moderate-reviews';
import { orderCustomer } from './order-customer';
import { restockLow } from './restock-low';
import { salesReportFamily } from './sales-report';
import { sortedOrders } from './sorted-orders';

export const ADMIN_FAMILIES: TaskFamily[] = [
  countOrdersFamily, sortedOrders, orderCustomer, salesReportFamily, bestsellerStock, cancelPending, restockLow, moderateReviews,
  holdWithComment, customerGroup, largestOrderEmail,
];
