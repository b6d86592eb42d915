// The baseline's catalogue page (same statement, same markup) as a React Router route: a loader
// and a component, nothing else. Against the raw baseline it shows what the framework itself
// costs; against the app, what Baan's middleware, i18n and data layer add on top.
import { loadCatalogue, Page } from '../../../market-baseline-page.tsx';

export async function loader({ request }: { request: Request }) {
  return { href: request.url, ...(await loadCatalogue(new URL(request.url))) };
}

// Typed by hand: this small app has no route type generation of its own.
export default function Market({ loaderData }: { loaderData: Awaited<ReturnType<typeof loader>> }) {
  const { href, ...data } = loaderData;
  return <Page url={new URL(href)} {...data} />;
}
