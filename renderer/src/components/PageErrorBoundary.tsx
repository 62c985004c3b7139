import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Changes when the person moves to another page (or step): the boundary then tries to show it afresh. */
  resetKey: string;
  /** Where "Open Episodes" goes. */
  onHome(): void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** The resetKey the error happened under. */
  failedAt: string | null;
}

/**
 * Catches an error thrown while a page renders. Without it React unmounts the whole app: the top bar goes
 * too, and since the route lives in the URL a reload lands on the same blank page. Here the top bar stays,
 * the page says what broke, and any other page (or this one again, after "Try again") still opens. Drafts of
 * prompts and subgoals live in their own stores (stores/draft-store.ts), so nothing typed is lost.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failedAt: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // A new page: forget the old page's error and render it.
    if (state.error && state.failedAt !== null && state.failedAt !== props.resetKey) return { error: null, failedAt: null };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.setState({ failedAt: this.props.resetKey });
    console.error('A page failed to render:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="panel" role="alert" data-testid="page-error">
        <h1>This page could not be shown</h1>
        <p className="error">{error.message || error.name}</p>
        <p className="small muted">
          The other pages still work, and unsaved prompt and subgoal drafts are kept. If the workbench was just
          updated while this tab stayed open, reloading the page usually fixes this.
        </p>
        <p>
          <button type="button" onClick={() => this.setState({ error: null, failedAt: null })}>Try again</button>{' '}
          <button type="button" onClick={() => this.props.onHome()}>Open Episodes</button>
        </p>
      </section>
    );
  }
}
