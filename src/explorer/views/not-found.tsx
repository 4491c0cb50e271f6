import { SearchBox } from '../components/search-box.js';
import { entityHref, navigate } from '../router.js';

/** An id or address that names nothing: say so, and offer a search. */
export function NotFound(props: { readonly what: string }) {
  return (
    <section class="not-found">
      <h1>Not found</h1>
      <p>{props.what}</p>
      <SearchBox
        label="Search the graph instead"
        onPick={(s) => navigate(entityHref(s.node.seedId))}
        onSubmit={(text) => navigate(`/search?q=${encodeURIComponent(text)}`)}
      />
    </section>
  );
}
