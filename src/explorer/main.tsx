import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './styles.css';
import { Link, usePlace } from './router.js';
import { EntityView } from './views/entity-view.js';
import { FundingView } from './views/funding-view.js';
import { HomeView } from './views/home-view.js';
import { NetworkView } from './views/network-view.js';
import { NotFound } from './views/not-found.js';
import { PathView } from './views/path-view.js';
import { ReportView } from './views/report-view.js';
import { SearchView } from './views/search-view.js';

const NAV: readonly [string, string][] = [
  ['/search', 'Search'],
  ['/network', 'Network'],
  ['/funding', 'Funding'],
  ['/path', 'Routes'],
];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Chooses the view from the address: every view is a URL that can be shared. */
function View() {
  const { path, params } = usePlace();
  const entity = /^\/entity\/([^/]+)$/.exec(path)?.[1];
  const report = /^\/reports\/([^/]+)$/.exec(path)?.[1];
  if (path === '/') return <HomeView />;
  if (path === '/search') return <SearchView q={params.get('q') ?? ''} />;
  if (entity) return <EntityView id={decode(entity)} />;
  if (path === '/path') return <PathView from={params.get('from') ?? ''} to={params.get('to') ?? ''} />;
  if (path === '/network') return <NetworkView params={params} />;
  if (path === '/funding') return <FundingView params={params} />;
  if (report) return <ReportView id={decode(report)} lines={params.get('lines') ?? ''} />;
  return <NotFound what={`The explorer has no page at ${path}.`} />;
}

function App() {
  const { path } = usePlace();
  const first = useRef(true);
  // A new view moves focus to its content, so a screen reader starts there (not on the first load,
  // and not when a filter of the same view changes the address: focus stays on the filter).
  useEffect(() => {
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus();
  }, [path]);
  // The tab and the history list name the view by its heading (an entity's name once it loads), so
  // a screen reader announces where a navigation landed and back/forward menus are readable.
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const name = () => {
      const heading = main.querySelector('h1')?.textContent?.trim();
      const title = heading ? `${heading} · HLP Graph` : 'HLP Graph';
      if (document.title !== title) document.title = title;
    };
    name();
    const watch = new MutationObserver(name);
    watch.observe(main, { childList: true, subtree: true, characterData: true });
    return () => watch.disconnect();
  }, []);
  return (
    <>
      <a class="skip" href="#main">
        Skip to the content
      </a>
      <header>
        <Link href="/" class="brand">
          HLP Graph
        </Link>
        <nav aria-label="Views">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <Link href={href} class={path === href ? 'current' : undefined} current={path === href}>
                  {label}
                </Link>
              </li>
            ))}
            <li>
              <a href="/graphql">GraphiQL</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <View />
      </main>
      <footer>
        <p>
          Facts from the Healthy London Partnership's five public reports (2015–2020), each with its report
          lines. Downloads: <a href="/export/graph.json">graph.json</a>,{' '}
          <a href="/export/graph.gexf">graph.gexf</a>, <a href="/export/funding.csv">funding.csv</a>.
        </p>
      </footer>
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
