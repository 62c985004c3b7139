/** One named line of a MultiLineChart: its points over the shared x axis. A file of its own so that pure
 * modules computing series (and their unit tests) need not import the component. */
export interface Series {
  name: string;
  points: { x: number; y: number }[];
}
