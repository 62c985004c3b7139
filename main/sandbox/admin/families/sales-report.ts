// Information seeking from the sales report (6 steps): revenue of a month, orders of a year or items sold on
// a day. Oracle: Sales Report → From → To → Period → Show Report → read the row.
import { money, monthName, type AdminData } from '../data';
import { salesReport, type Period } from '../model';
import { intervalLabel } from '../views/reports';
import {
  SHOPPING_ADMIN, clickButton, clickLink, defineAdminFamily, lastDayOf, paramPattern, pathPattern, reportMonths, selectOption, stop,
  textGoal, typeInto, urlGoal,
} from './common';

interface Params {
  period: Period;
  from: string;
  to: string;
}

function row(data: AdminData, p: Params) {
  return salesReport(data.orders, p.period, p.from, p.to)[0];
}

export const salesReportFamily = defineAdminFamily<Params>({
  id: 'admin/sales-report',
  kind: 'info',
  code: 204,
  description: 'Read the sales report for a month (revenue), a year (orders) or a day (items sold); canceled orders excluded.',
  templates: [
    'What was the total amount of sales in {{month}} {{year}}, not counting canceled orders?',
    'How many orders were placed in {{year}}, not counting canceled ones?',
    'How many items were sold on {{date}}, not counting canceled orders?',
  ],
  enumerate(data) {
    const months = reportMonths().map((ym): Params => ({ period: 'month', from: `${ym}-01`, to: lastDayOf(ym) }));
    const years = ['2022', '2023'].map((y): Params => ({ period: 'year', from: `${y}-01-01`, to: `${y}-12-31` }));
    const days = [...new Set(data.orders.filter((o) => o.status !== 'Canceled').map((o) => o.date))].filter((_, i) => i % 3 === 0)
      .map((d): Params => ({ period: 'day', from: d, to: d }));
    return [...months, ...years, ...days].filter((p) => row(data, p));
  },
  build(data, p) {
    const r = row(data, p);
    const [year, month] = p.from.split('-').map(Number);
    const answer = p.period === 'month' ? money(r.revenue) : String(p.period === 'year' ? r.orders : r.items);
    const label = PERIOD_LABEL[p.period];
    return {
      template: p.period === 'month' ? 0 : p.period === 'year' ? 1 : 2,
      instantiation: (p.period === 'month' ? { month: monthName(month), year } : p.period === 'year' ? { year } : { date: p.from }) as Record<string, string | number>,
      startUrl: SHOPPING_ADMIN,
      eval: { kind: 'string_match', answers: { must_include: [p.period === 'month' ? answer.slice(1) : answer] }, raw: answer },
      // The row's other columns (answer-screen.ts).
      wrongAnswers: [money(r.revenue).slice(1), String(r.orders), String(r.items)],
      oracle: [clickLink('Sales Report'), typeInto('From', p.from), typeInto('To', p.to), selectOption('Period', label), clickButton('Show Report'), stop(answer)],
      subgoals: [
        urlGoal('Open the sales report', pathPattern('/reports/sales')),
        urlGoal(`Show the report from ${p.from} to ${p.to}`, paramPattern('to', p.to)),
        urlGoal(`Group the report by ${label.toLowerCase()}`, paramPattern('period', p.period)),
        textGoal(`Read the row of ${intervalLabel(p.period, p.from.slice(0, p.period === 'month' ? 7 : p.period === 'year' ? 4 : 10))}`, answer),
      ],
    };
  },
});

const PERIOD_LABEL: Record<Period, string> = { day: 'Day', month: 'Month', year: 'Year' };
