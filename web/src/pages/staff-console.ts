/**
 * The HR console's pages, loaded on first use as one chunk: experts and visitors, most of them
 * on phones, never download the console.
 */
export { DashboardPage } from './DashboardPage.tsx';
export { DemandMatchesPage } from './DemandMatchesPage.tsx';
export { DemandPage } from './DemandPage.tsx';
export { DemandsPage } from './DemandsPage.tsx';
export { DuplicatesPage } from './DuplicatesPage.tsx';
export { ExportsPage } from './ExportsPage.tsx';
export { ImportsPage } from './ImportsPage.tsx';
export { OfferPage } from './OfferPage.tsx';
export { OffersPage } from './OffersPage.tsx';
export { PoliciesPage } from './PoliciesPage.tsx';
export { PolicyPage } from './PolicyPage.tsx';
export { StaffCallPage } from './StaffCallPage.tsx';
export { StaffCallsPage } from './StaffCallsPage.tsx';
export { StaffSearchPage } from './StaffSearchPage.tsx';
