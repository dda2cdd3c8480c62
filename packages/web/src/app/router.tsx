import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { sessionQuery } from '../api/auth';
import { ErrorScreen } from '../common/ErrorScreen';
import { LoadingState } from '../common/LoadingState';
import { NotFoundPage } from '../common/NotFoundPage';
import { NotFoundScreen } from '../common/NotFoundScreen';
import { RequireRole } from '../common/RequireRole';
import { HomeScreen } from '../home/HomeScreen';
import { LoginScreen } from '../login/LoginScreen';
import { AppLayout } from '../shell/AppLayout';
import {
  AUDIT_LOG_ROLES,
  CLINICAL_CONFIG_ROLES,
  CLINICAL_REVIEW_ROLES,
  IMPORT_ROLES,
  PATIENT_LIST_ROLES,
  REMINDER_SCREEN_ROLES,
  WORKLIST_ROLES,
  FOLLOW_UP_ROLES,
  homeFor,
  ADVICE_SCREEN_ROLES,
  USER_ADMIN_ROLES,
  ORGANIZATION_ADMIN_ROLES,
} from '../session/permissions';
import { safeRedirect } from '../session/redirects';
import type { SessionEndReason } from '../session/endSession';
import { parseWorklistSearch } from '../worklist/worklistSearch';
import { parseFollowUpSearch } from '../followUp/followUpSearch';
import { CLINICAL_ROLES } from '@osteopad/contract';
import { SSO_PROBLEMS, type SsoProblem } from '@osteopad/contract';

export interface RouterContext {
  queryClient: QueryClient;
}

export interface LoginSearch {
  redirect?: string;
  reason?: SessionEndReason;
  /** Why a hospital sign-in ended here (login/HospitalSignIn.tsx). */
  sso?: SsoProblem;
}

function loginSearch(search: Record<string, unknown>): LoginSearch {
  const result: LoginSearch = {};
  const target = safeRedirect(search.redirect);
  if (target !== undefined) result.redirect = target;
  if (search.reason === 'expired' || search.reason === 'loggedOut') result.reason = search.reason;
  const sso = SSO_PROBLEMS.find((problem) => problem === search.sso);
  if (sso !== undefined) result.sso = sso;
  return result;
}

// Screens behind the login load on demand: the login page only needs the shell's code.
const PatientListScreen = lazyRouteComponent(
  () => import('../patients/PatientListScreen'),
  'PatientListScreen',
);
const PatientScreen = lazyRouteComponent(() => import('../patients/PatientScreen'), 'PatientScreen');
const AuditLogScreen = lazyRouteComponent(() => import('../audit/AuditLogScreen'), 'AuditLogScreen');
const WorklistScreen = lazyRouteComponent(() => import('../worklist/WorklistScreen'), 'WorklistScreen');
const ImportScreen = lazyRouteComponent(() => import('../imports/ImportScreen'), 'ImportScreen');
const ClinicalConfigScreen = lazyRouteComponent(
  () => import('../clinicalConfig/ClinicalConfigScreen'),
  'ClinicalConfigScreen',
);
const LabResultsScreen = lazyRouteComponent(
  () => import('../labResults/LabResultsScreen'),
  'LabResultsScreen',
);
const DecisionScreen = lazyRouteComponent(() => import('../decision/DecisionScreen'), 'DecisionScreen');

const EpisodeScreen = lazyRouteComponent(() => import('../episode/EpisodeScreen'), 'EpisodeScreen');
const RemindersScreen = lazyRouteComponent(() => import('../reminders/RemindersScreen'), 'RemindersScreen');

const IntakeScreen = lazyRouteComponent(() => import('../intake/IntakeScreen'), 'IntakeScreen');

const InvestigationsScreen = lazyRouteComponent(
  () => import('../investigations/InvestigationsScreen'),
  'InvestigationsScreen',
);

const FollowUpScreen = lazyRouteComponent(() => import('../followUp/FollowUpScreen'), 'FollowUpScreen');
const PortalActivationScreen = lazyRouteComponent(
  () => import('../portal/PortalActivationScreen'),
  'PortalActivationScreen',
);
const PortalMagicLinkScreen = lazyRouteComponent(
  () => import('../portal/PortalMagicLinkScreen'),
  'PortalMagicLinkScreen',
);
const PortalLinkScreen = lazyRouteComponent(() => import('../portal/PortalLinkScreen'), 'PortalLinkScreen');
const PortalHomeScreen = lazyRouteComponent(() => import('../portal/PortalHomeScreen'), 'PortalHomeScreen');
const PortalAccessLogScreen = lazyRouteComponent(
  () => import('../portal/PortalAccessLogScreen'),
  'PortalAccessLogScreen',
);

const AdviceScreen = lazyRouteComponent(() => import('../advice/AdviceScreen'), 'AdviceScreen');
const PortalIntakeScreen = lazyRouteComponent(
  () => import('../portalIntake/PortalIntakeScreen'),
  'PortalIntakeScreen',
);
const PortalResultsScreen = lazyRouteComponent(
  () => import('../portalResults/PortalResultsScreen'),
  'PortalResultsScreen',
);
const PortalAdviceScreen = lazyRouteComponent(
  () => import('../portalResults/PortalAdviceScreen'),
  'PortalAdviceScreen',
);
const UsersScreen = lazyRouteComponent(() => import('../users/UsersScreen'), 'UsersScreen');
const OrganizationScreen = lazyRouteComponent(
  () => import('../organization/OrganizationScreen'),
  'OrganizationScreen',
);
const SetPasswordScreen = lazyRouteComponent(() => import('../users/SetPasswordScreen'), 'SetPasswordScreen');

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorScreen,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: loginSearch,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.query(sessionQuery);
    // TanStack Router redirects by throwing its redirect object (a Response, not an Error).
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (session !== null) throw redirect({ href: search.redirect ?? '/' });
  },
  component: LoginScreen,
});

/** Everything behind the login; the session is loaded before any screen renders. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.query(sessionQuery);
    if (session === null) {
      const target = safeRedirect(location.href);
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw redirect({
        to: '/login',
        search: target === undefined || target === '/' ? {} : { redirect: target },
      });
    }
    return { session };
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const target = homeFor(context.session.user.role);
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (target !== 'placeholder') throw redirect({ to: target, replace: true });
  },
  component: HomeScreen,
});

const worklistRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'worklist',
  // Only codes, numbers and dates: no patient data ends up in the URL.
  validateSearch: parseWorklistSearch,
  component: () => (
    <RequireRole roles={WORKLIST_ROLES}>
      <WorklistScreen />
    </RequireRole>
  ),
});

const patientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'patients',
  component: () => (
    <RequireRole roles={PATIENT_LIST_ROLES}>
      <PatientListScreen />
    </RequireRole>
  ),
});

const patientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'patients/$patientId',
  component: () => (
    <RequireRole roles={PATIENT_LIST_ROLES}>
      <PatientScreen />
    </RequireRole>
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit',
  component: () => (
    <RequireRole roles={AUDIT_LOG_ROLES}>
      <AuditLogScreen />
    </RequireRole>
  ),
});

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports',
  component: () => (
    <RequireRole roles={IMPORT_ROLES}>
      <ImportScreen />
    </RequireRole>
  ),
});

const clinicalConfigRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clinical-config',
  component: () => (
    <RequireRole roles={CLINICAL_CONFIG_ROLES}>
      <ClinicalConfigScreen />
    </RequireRole>
  ),
});

const decisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'episodes/$episodeId/decision',
  component: () => (
    <RequireRole roles={CLINICAL_REVIEW_ROLES}>
      <DecisionScreen />
    </RequireRole>
  ),
});

const episodeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'episodes/$episodeId',
  component: () => (
    <RequireRole roles={PATIENT_LIST_ROLES}>
      <EpisodeScreen />
    </RequireRole>
  ),
});

const labResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'episodes/$episodeId/labs',
  component: () => (
    <RequireRole roles={CLINICAL_ROLES}>
      <LabResultsScreen />
    </RequireRole>
  ),
});

const intakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'episodes/$episodeId/intake',
  component: () => (
    <RequireRole roles={PATIENT_LIST_ROLES}>
      <IntakeScreen />
    </RequireRole>
  ),
});

const investigationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'episodes/$episodeId/investigations',
  component: () => (
    <RequireRole roles={CLINICAL_REVIEW_ROLES}>
      <InvestigationsScreen />
    </RequireRole>
  ),
});

const remindersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reminders',
  component: () => (
    <RequireRole roles={REMINDER_SCREEN_ROLES}>
      <RemindersScreen />
    </RequireRole>
  ),
});

const followUpRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'follow-up',
  // Codes only: no patient data ends up in the URL.
  validateSearch: parseFollowUpSearch,
  component: () => (
    <RequireRole roles={FOLLOW_UP_ROLES}>
      <FollowUpScreen />
    </RequireRole>
  ),
});

// The patient portal (issue 13): its own simple shell, outside the staff's. The way in is public.
const portalActivateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal/activate',
  component: PortalActivationScreen,
});
const portalMagicLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal/magic-link',
  component: PortalMagicLinkScreen,
});
const portalLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal/link',
  component: PortalLinkScreen,
});
/** A portal page for a signed-in patient: others sign in first (and come back), staff go to their home. */
function patientOnly(path: string) {
  return async ({ context }: { context: RouterContext }) => {
    const session = await context.queryClient.query(sessionQuery);
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (session === null) throw redirect({ to: '/login', search: { redirect: path } });
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (session.user.role !== 'patient') throw redirect({ to: '/' });
  };
}
const portalHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal',
  beforeLoad: patientOnly('/portal'),
  component: PortalHomeScreen,
});
const portalAccessLogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal/access-log',
  beforeLoad: patientOnly('/portal/access-log'),
  component: PortalAccessLogScreen,
});
const adviceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'advice',
  component: () => (
    <RequireRole roles={ADVICE_SCREEN_ROLES}>
      <AdviceScreen />
    </RequireRole>
  ),
});

// The portal's results and plan (issue 13, item 5) and the calcium and vitamin D advice inside the portal's shell.
const portalResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal/results',
  beforeLoad: patientOnly('/portal/results'),
  component: PortalResultsScreen,
});
const portalIntakeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal/intake',
  beforeLoad: patientOnly('/portal/intake'),
  component: PortalIntakeScreen,
});
const portalAdviceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal/advice',
  beforeLoad: patientOnly('/portal/advice'),
  component: PortalAdviceScreen,
});
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/users',
  component: () => (
    <RequireRole roles={USER_ADMIN_ROLES}>
      <UsersScreen />
    </RequireRole>
  ),
});
const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin/organization',
  component: () => (
    <RequireRole roles={ORGANIZATION_ADMIN_ROLES}>
      <OrganizationScreen />
    </RequireRole>
  ),
});
// An administrator's one-time password link lands here; its user has no session yet.
const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'set-password',
  component: SetPasswordScreen,
});

/** Any other path: behind the login like everything else, then "not found" inside the shell. */
const unknownRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundScreen,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    worklistRoute,
    patientsRoute,
    patientRoute,
    auditRoute,
    importsRoute,
    clinicalConfigRoute,
    investigationsRoute,
    labResultsRoute,
    intakeRoute,
    episodeRoute,
    unknownRoute,
    decisionRoute,
    remindersRoute,
    followUpRoute,
    adviceRoute,
    usersRoute,
    organizationRoute,
  ]),
  portalActivateRoute,
  portalMagicLinkRoute,
  portalLinkRoute,
  portalHomeRoute,
  portalAccessLogRoute,
  portalResultsRoute,
  portalAdviceRoute,
  portalIntakeRoute,
  setPasswordRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: LoadingState,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
