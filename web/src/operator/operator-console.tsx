import { useAccount } from '../console/kit/account-session.ts';
import { ConsoleFrame, ErrorNote, Skeleton } from '../console/kit/layout.tsx';
import { match, usePath } from '../console/kit/router.tsx';
import { SignInPage } from '../console/kit/sign-in-page.tsx';
import { ReportsPage } from '../console/reports-page.tsx';
import { AppGovernancePage } from './app-governance-page.tsx';
import { ContentPage } from './content-page.tsx';
import { OperationsPage } from './operations-page.tsx';
import { ReviewQueuePage } from './review-queue-page.tsx';

const home = '/operator';

/** The operator console: the review queue and the apps' governance. */
export function OperatorConsole() {
  const { account, error, refresh, signOut } = useAccount();
  const path = usePath();
  if (account === undefined) return error ? <ErrorNote error={error} /> : <Skeleton />;
  if (account === null)
    return <SignInPage product="operator console" allowSignUp={false} onSignedIn={() => void refresh()} />;
  const app = match(`${home}/apps/:appid`, path);
  const onApps = path.startsWith(`${home}/apps`);
  return (
    <ConsoleFrame
      product="operator console"
      home={home}
      who={account.email}
      onSignOut={() => void signOut()}
      nav={[
        { to: home, label: 'Review queue', current: path === home },
        { to: `${home}/apps`, label: 'Apps', current: onApps },
        { to: `${home}/content`, label: 'Content', current: path === `${home}/content` },
        { to: `${home}/reports`, label: 'Reports', current: path === `${home}/reports` },
        { to: `${home}/operations`, label: 'Operations', current: path === `${home}/operations` },
      ]}
    >
      {!account.operator ? (
        <p className="error-note" role="alert">
          {account.email} is a developer account: the operator console needs an operator.
        </p>
      ) : onApps ? (
        <AppGovernancePage appid={app?.appid} />
      ) : path === `${home}/reports` ? (
        <ReportsPage />
      ) : path === `${home}/content` ? (
        <ContentPage />
      ) : path === `${home}/operations` ? (
        <OperationsPage />
      ) : (
        <ReviewQueuePage />
      )}
    </ConsoleFrame>
  );
}
