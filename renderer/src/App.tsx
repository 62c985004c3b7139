import { useEffect, useRef } from 'react';
import { RunReportView } from './features/report/RunReportView';
import { CompareView } from './features/compare/CompareView';
import { JobCompareView } from './features/compare/JobCompareView';
import { RunCompareView } from './features/compare/RunCompareView';
import { EpisodeList } from './features/runs/EpisodeList';
import { RunList } from './features/runs/RunList';
import { SettingsView } from './features/settings/SettingsView';
import { TaskBrowser } from './features/tasks/TaskBrowser';
import { ReplayView } from './features/replay/ReplayView';
import { useWorkbench } from './stores/workbench-store';
import { PromptsView } from './features/prompts/PromptsView';
import { SubgoalsView } from './features/subgoals/SubgoalsView';
import { TrainingView } from './features/training/TrainingView';
import { BrowserGate } from './features/first-run/BrowserGate';
import { focusHeading, useRouteFocus } from './components/use-route-focus';
import { PageErrorBoundary } from './components/PageErrorBoundary';

export function App() {
  const route = useWorkbench((s) => s.route);
  const navigate = useWorkbench((s) => s.navigate);
  const main = useRef<HTMLElement>(null);
  useRouteFocus(route, main);

  useEffect(() => {
    const onHash = () => useWorkbench.getState().syncFromLocation();
    window.addEventListener('popstate', onHash);
    window.addEventListener('hashchange', onHash);
    // A hash changed between the store's first read and this effect (a link followed as the page loaded)
    // fired no event here: read it once now.
    onHash();
    return () => {
      window.removeEventListener('popstate', onHash);
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  return (
    <div className="app">
      {/* The first Tab stop: past the top bar to the page (a plain #id link would change the hash route). */}
      <a className="skip-link" href="#content" onClick={(e) => (e.preventDefault(), focusHeading(main.current))}>Skip to content</a>
      <header className="topbar">
        <a className="brand" href="#/" onClick={(e) => (e.preventDefault(), navigate({ view: 'episodes' }))}>
          MiRA Workbench
        </a>
        <nav aria-label="Sections">
          <a href="#/" aria-current={route.view === 'episodes' ? 'page' : undefined}>Episodes</a>
          <a href="#/tasks" aria-current={route.view === 'tasks' ? 'page' : undefined}>Tasks</a>
          <a href="#/runs" aria-current={route.view === 'runs' || route.view === 'run' || route.view === 'compare-runs' ? 'page' : undefined}>Runs</a>
          <a href="#/subgoals" aria-current={route.view === 'subgoals' ? 'page' : undefined}>Subgoals</a>
          <a href="#/prompts" aria-current={route.view === 'prompts' ? 'page' : undefined}>Prompts</a>
          <a href="#/training" aria-current={route.view === 'training' || route.view === 'compare-jobs' ? 'page' : undefined}>Training</a>
          <a href="#/settings" aria-current={route.view === 'settings' ? 'page' : undefined}>Settings</a>
        </nav>
      </header>
      <main className="content" id="content" ref={main}>
        <BrowserGate>
        <PageErrorBoundary resetKey={JSON.stringify(route)} onHome={() => navigate({ view: 'episodes' })}>
        {route.view === 'replay' && <ReplayView episodeId={route.episodeId} step={route.step} />}
        {route.view === 'episodes' && <EpisodeList />}
        {route.view === 'runs' && <RunList />}
        {route.view === 'tasks' && <TaskBrowser />}
        {route.view === 'settings' && <SettingsView />}
        {route.view === 'prompts' && <PromptsView name={route.name} />}
        {route.view === 'subgoals' && <SubgoalsView taskId={route.taskId} version={route.version ?? null} />}
        {route.view === 'compare' && <CompareView left={route.left} right={route.right} step={route.step} />}
        {route.view === 'run' && <RunReportView runId={route.runId} />}
        {route.view === 'compare-runs' && <RunCompareView left={route.left} right={route.right} />}
        {route.view === 'compare-jobs' && <JobCompareView left={route.left} right={route.right} />}
        {route.view === 'training' && <TrainingView />}
        </PageErrorBoundary>
        </BrowserGate>
      </main>
    </div>
  );
}
