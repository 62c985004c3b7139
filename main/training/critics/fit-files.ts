// Where a critic fit on recorded runs keeps its files: <dataDir>/training/critics/<fitId>/ holds the job
// record, the critics' checkpoint (critic-checkpoint.ts) and every episode's V and P.
export const CRITICS_DIR = 'critics';
export const FIT_FILE = 'fit.json';
export const SCORES_FILE = 'scores.json';
