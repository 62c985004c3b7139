// Helpers for families that work with the customer's order history (as seeded, before any episode).
import { ORDERS_PER_PAGE } from '../views/account';
import type { Order, ShopData } from '../data';
import type { OracleStep } from '../../types';
import { clickLink } from './common';

/** The seeded history as the order list shows it: newest first. */
export function historyNewestFirst(data: ShopData): Order[] {
  return data.initialOrders.slice().reverse();
}

/** 1-based page of the order list that shows the order at this newest-first position. */
export function pageOfPosition(position: number): number {
  return Math.floor(position / ORDERS_PER_PAGE) + 1;
}

/** From any shop page: My Account → My Orders → Next until `page`. */
export function openOrdersPage(page: number): OracleStep[] {
  return [clickLink('My Account'), clickLink('My Orders'), ...Array.from({ length: page - 1 }, () => clickLink('Next'))];
}

/** The pages a careful reader visits to see every order of a month: through the page of its oldest order,
 * plus the next page when that order ends a page (only the next page shows that the month is over). */
export function lastPageForMonth(data: ShopData, yearMonth: string): number {
  const list = historyNewestFirst(data);
  let last = -1;
  list.forEach((o, i) => {
    if (o.date.startsWith(yearMonth)) last = i;
  });
  if (last < 0) throw new Error(`no orders in ${yearMonth}`);
  const page = pageOfPosition(last);
  const endsPage = last % ORDERS_PER_PAGE === ORDERS_PER_PAGE - 1 && last < list.length - 1;
  return endsPage ? page + 1 : page;
}

export function ordersInMonth(data: ShopData, yearMonth: string): Order[] {
  return data.initialOrders.filter((o) => o.date.startsWith(yearMonth));
}

export function yearMonths(data: ShopData): string[] {
  return [...new Set(data.initialOrders.map((o) => o.date.slice(0, 7)))].sort();
}
