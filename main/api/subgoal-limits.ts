// The most milestones one subgoal set may hold: the subgoal save schema refuses more (main/api/schemas.ts), the
// AutoRater preview takes milestone indexes below it, and a new sgo run may not ask for more per set
// (main/api/run-config.ts), or the sets it generates could be neither saved again nor previewed.
export const MAX_SUBGOALS = 20;
