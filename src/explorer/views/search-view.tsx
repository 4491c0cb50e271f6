import { useQuery } from '../api.js';
import { SearchBox } from '../components/search-box.js';
import { Show } from '../components/status.js';
import { entityHref, Link, navigate } from '../router.js';

interface Hit {
  readonly score: number;
  readonly matched: string;
  readonly matchedAlias: boolean;
  readonly node: { readonly __typename: string; readonly seedId: string; readonly name: string };
}

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 50) { score matched matchedAlias node { __typename ... on Entity { seedId name } } }
}`;

/** `/search?q=…`: the search box with suggestions, and the ranked hits of the text asked. */
export function SearchView(props: { readonly q: string }) {
  const q = props.q.trim();
  const loaded = useQuery<{ search: Hit[] }>(
    SEARCH,
    q && /[\p{L}\p{N}]/u.test(q) ? { text: q.slice(0, 200) } : null,
    q,
  );
  return (
    <section>
      <h1>Search</h1>
      <SearchBox
        label="Name, abbreviation or part of one"
        initial={q}
        onPick={(s) => navigate(entityHref(s.node.seedId))}
        onSubmit={(text) => navigate(`/search?q=${encodeURIComponent(text)}`)}
      />
      {q ? (
        <Show
          loaded={loaded}
          what="the results"
          done={(data) =>
            data.search.length === 0 ? (
              <p role="status">Nothing matches “{q}”.</p>
            ) : (
              <>
                <p role="status">
                  {data.search.length === 50 ? 'The best 50 matches' : `${data.search.length} matches`} for “
                  {q}”
                </p>
                <ol class="hits">
                  {data.search.map((h) => (
                    <li key={h.node.seedId}>
                      <Link href={entityHref(h.node.seedId)}>{h.node.name}</Link>{' '}
                      <span class={`kind kind-${h.node.__typename}`}>{h.node.__typename}</span>
                      {h.matchedAlias ? <span class="muted"> · also called {h.matched}</span> : null}
                    </li>
                  ))}
                </ol>
              </>
            )
          }
        />
      ) : null}
    </section>
  );
}
