import type { ConsoleAccount, ConsoleOrg } from '@plaza/api-types/console';
import { useEffect, useState } from 'react';
import { AgentInbox } from './agent-inbox.tsx';
import { AnalyticsPage } from './analytics/analytics-page.tsx';
import { AppSettingsPage } from './apps/app-settings-page.tsx';
import { AppsPage } from './apps/apps-page.tsx';
import { PrivacyPage } from './apps/privacy-page.tsx';
import { ErrorsPage } from './errors/errors-page.tsx';
import { useAccount } from './kit/account-session.ts';
import { consoleApi } from './kit/console-api.ts';
import { ConsoleFrame, ErrorNote, type NavItem, Skeleton } from './kit/layout.tsx';
import { match, navigate, usePath } from './kit/router.tsx';
import { SignInPage } from './kit/sign-in-page.tsx';
import { MessagesPage } from './messages/messages-page.tsx';
import { MembersPage } from './orgs/members-page.tsx';
import { OrgSwitcher } from './orgs/org-switcher.tsx';
import { OrderPage } from './payments/order-page.tsx';
import { OrdersPage } from './payments/orders-page.tsx';
import { PaymentSettingsPage } from './payments/payment-settings-page.tsx';
import { SettlementsPage } from './payments/settlements-page.tsx';
import { VersionsPage } from './versions/versions-page.tsx';
import { DeliveriesPage } from './webhooks/deliveries-page.tsx';

const home = '/console';
const chosenOrgKey = 'plaza.console.org';

/** The app's sections, each a page under `/console/apps/:appid/…`. */
const appSections = [
  { path: '', label: 'Settings' },
  { path: '/privacy', label: 'Privacy' },
  { path: '/versions', label: 'Versions' },
  { path: '/payments', label: 'Payments' },
  { path: '/settlements', label: 'Settlements' },
  { path: '/payment-settings', label: 'Payment settings' },
  { path: '/webhooks', label: 'Webhooks' },
  { path: '/analytics', label: 'Analytics' },
  { path: '/errors', label: 'Errors' },
  { path: '/messages', label: 'Messages' },
  { path: '/support', label: 'Customer service' },
] as const;

/** The developer console: sign in, pick an org, manage its apps. */
export function DeveloperConsole() {
  const { account, error, refresh, signOut } = useAccount();
  const path = usePath();
  const [orgs, setOrgs] = useState<ConsoleOrg[]>();
  const [orgId, setOrgId] = useState<string | null>(() => localStorage.getItem(chosenOrgKey));

  useEffect(() => {
    if (!account) return;
    consoleApi<{ orgs: ConsoleOrg[] }>('GET', '/api/orgs').then((r) => setOrgs(r.orgs));
  }, [account]);

  if (account === undefined) return error ? <ErrorNote error={error} /> : <Skeleton />;
  if (account === null)
    return <SignInPage product="developer console" allowSignUp onSignedIn={() => void refresh()} />;

  const org = orgs?.find((o) => o.id === orgId) ?? orgs?.[0];
  const chooseOrg = (id: string) => {
    localStorage.setItem(chosenOrgKey, id);
    setOrgId(id);
    navigate(home);
  };
  const appid = /^\/console\/apps\/([^/]+)/.exec(path)?.[1];
  const nav: NavItem[] = [
    { to: home, label: 'Apps', current: path === home },
    { to: `${home}/members`, label: 'Members', current: path === `${home}/members` },
  ];
  if (appid)
    for (const s of appSections) {
      const to = `${home}/apps/${appid}${s.path}`;
      // An order's page is part of Payments.
      nav.push({
        to,
        label: s.label,
        current: s.path ? path === to || path.startsWith(`${to}/`) : path === to,
      });
    }

  return (
    <ConsoleFrame
      product="developer console"
      home={home}
      who={account.email}
      nav={nav}
      onSignOut={() => void signOut()}
      toolbar={
        orgs ? (
          <OrgSwitcher
            orgs={orgs}
            current={org}
            onChoose={chooseOrg}
            onCreated={(created) => {
              setOrgs([...orgs, created]);
              chooseOrg(created.id);
            }}
          />
        ) : null
      }
    >
      {!orgs ? (
        <Skeleton />
      ) : !org ? (
        <p>Create an org to register apps.</p>
      ) : (
        <Page path={path} org={org} account={account} />
      )}
    </ConsoleFrame>
  );
}

function Page({ path, org, account }: { path: string; org: ConsoleOrg; account: ConsoleAccount }) {
  const canEdit = org.role !== 'viewer';
  if (path === `${home}/members`) return <MembersPage key={org.id} org={org} />;
  const app = match(`${home}/apps/:appid`, path);
  if (app) return <AppSettingsPage appid={app.appid!} canEdit={canEdit} />;
  const section = match(`${home}/apps/:appid/:section`, path);
  if (section?.section === 'versions') return <VersionsPage appid={section.appid!} canEdit={canEdit} />;
  if (section?.section === 'payments') return <OrdersPage key={section.appid} appid={section.appid!} />;
  if (section?.section === 'webhooks')
    return <DeliveriesPage key={section.appid} appid={section.appid!} canEdit={canEdit} />;
  if (section?.section === 'analytics') return <AnalyticsPage key={section.appid} appid={section.appid!} />;
  if (section?.section === 'privacy') return <PrivacyPage appid={section.appid!} canEdit={canEdit} />;
  if (section?.section === 'settlements')
    return <SettlementsPage key={section.appid} appid={section.appid!} />;
  if (section?.section === 'payment-settings')
    return <PaymentSettingsPage key={section.appid} appid={section.appid!} role={org.role} />;
  if (section?.section === 'errors') return <ErrorsPage key={section.appid} appid={section.appid!} />;
  if (section?.section === 'messages') return <MessagesPage key={section.appid} appid={section.appid!} />;
  if (section?.section === 'support')
    return <AgentInbox key={section.appid} appid={section.appid!} account={account} />;
  const order = match(`${home}/apps/:appid/payments/:orderId`, path);
  if (order) return <OrderPage appid={order.appid!} orderId={order.orderId!} canEdit={canEdit} />;
  return <AppsPage org={org} canEdit={canEdit} />;
}
