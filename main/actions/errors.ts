/** Why an action could not be used. These are recorded on the step and shown to the agent on the next
 * turn; they never crash an episode (stop rules decide when too many parse failures end it). */
export type ActionErrorKind = 'parse' | 'stale_id' | 'execution';

export class ActionError extends Error {
  constructor(readonly kind: ActionErrorKind, message: string) {
    super(message);
    this.name = 'ActionError';
  }
}
