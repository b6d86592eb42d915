import { Outlet } from 'react-router';

// The page renders the whole document itself (tests/bench/market-baseline-page.tsx).
export default function Root() {
  return <Outlet />;
}
