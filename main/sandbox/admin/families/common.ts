// The admin's binding of the family kit (../../family-kit.ts), plus URL helpers and the oracle paths that
// several admin families share.
import { clickLink, defineFamily, escapeRegex, sitePathPattern, typeInto, type FamilySpec } from '../../family-kit';
import { SITE_SLOTS } from '../../site';
import type { OracleStep, TaskFamily } from '../../types';
import { getAdminData, type AdminData, type Customer } from '../data';
import { freshAdminState, type AdminState } from '../state';

export * from '../../family-kit';
export const SHOPPING_ADMIN = SITE_SLOTS.admin.placeholder;

export function defineAdminFamily<P>(spec: FamilySpec<AdminData, P>): TaskFamily {
  return defineFamily('admin', getAdminData, spec);
}

/** Regex for an admin path (after the prefix), ending there or at a query/fragment. */
export const pathPattern = (path: string): string => sitePathPattern('admin', path);

/** A site path (`/admin/...`, as adminPaths gives it) as a config URL with the placeholder. */
export const adminUrl = (path: string): string => SHOPPING_ADMIN + path.slice(SITE_SLOTS.admin.prefix.length);

/** Regex for a query parameter whose value is `value` as a form submits it (spaces as '+'). */
export function formParamPattern(key: string, value: string): string {
  const encoded = new URLSearchParams([[key, value]]).toString().slice(key.length + 1);
  return `[?&]${escapeRegex(key)}=${escapeRegex(encoded)}(&|#|$)`;
}

/** The state of an untouched episode, for computing answers and plans. */
export function pristine(data: AdminData): AdminState {
  return freshAdminState(data);
}

/** From any admin page: All Customers → keyword search by name → the customer's page. */
export function openCustomer(c: Customer): OracleStep[] {
  return [clickLink('All Customers'), typeInto('Keyword', c.name, true), clickLink(c.name)];
}

/** A program_html locator that reads an element's text in brackets, so "Approved" never matches "Not Approved". */
export const bracketed = (selector: string): string => `document.querySelector('${selector}').textContent.replace(/^\\s*([^]*?)\\s*$/, '[$1]')`;

/** Months from January 2022 to January 2024 as 'YYYY-MM'. */
export function reportMonths(): string[] {
  const out: string[] = [];
  for (let y = 2022; y <= 2024; y++) for (let m = 1; m <= 12; m++) if (y < 2024 || m === 1) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

export function lastDayOf(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  return `${yearMonth}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Regex that holds when every one of the patterns matches the URL (in any order). */
export const allOf = (...patterns: string[]): string => `^${patterns.map((p) => `(?=.*${p})`).join('')}`;
