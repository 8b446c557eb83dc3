/**
 * The HR console's pages, loaded on first use as one chunk: experts and visitors, most of them
 * on phones, never download the console.
 */
export { DashboardPage } from './DashboardPage.tsx';
export { DemandMatchesPage } from './DemandMatchesPage.tsx';
export { DemandPage } from './DemandPage.tsx';
export { DemandsPage } from './DemandsPage.tsx';
export { OfferPage } from './OfferPage.tsx';
export { OffersPage } from './OffersPage.tsx';
export { PoliciesPage } from './PoliciesPage.tsx';
export { PolicyPage } from './PolicyPage.tsx';
export { StaffCallPage } from './StaffCallPage.tsx';
export { StaffCallsPage } from './StaffCallsPage.tsx';
export { StaffSearchPage } from './StaffSearchPage.tsx';
export { StaffUserPage } from './StaffUserPage.tsx';
export { StaffUsersPage } from './StaffUsersPage.tsx';
