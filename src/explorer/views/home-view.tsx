import { SearchBox } from '../components/search-box.js';
import { entityHref, Link, navigate } from '../router.js';

export function HomeView() {
  return (
    <section class="home">
      <h1>Explore the Healthy London Partnership</h1>
      <p>
        Who worked with whom in London's health and care transformation, 2015 to 2020: partners, the
        programmes and projects they funded or delivered, the people who led them, awards, figures and
        outcomes, each fact with the report lines it comes from.
      </p>
      <SearchBox
        label="Find a partner, programme, project, person or place"
        placeholder="e.g. Thrive LDN, London Fire Brigade"
        onPick={(s) => navigate(entityHref(s.node.seedId))}
        onSubmit={(text) => navigate(`/search?q=${encodeURIComponent(text)}`)}
      />
      <ul class="cards">
        <li>
          <Link href="/network">The partnership network</Link>: who sits at the centre, and the communities.
        </li>
        <li>
          <Link href="/funding">Funding</Link>: every funding line, with totals and downloads.
        </li>
        <li>
          <Link href="/path">Routes</Link>: how two entities are connected, step by step with evidence.
        </li>
        <li>
          <a href="/graphql">GraphiQL</a>: the GraphQL API with example operations.
        </li>
      </ul>
    </section>
  );
}
