import type { BlobTables } from '../blobs/blob.table.ts';
import type { IdempotencyTables } from '../idempotency/idempotency.table.ts';
import type { JobTables } from '../jobs/job.table.ts';
import type { AppTables } from '../modules/apps/apps.table.ts';
import type { ConsentTables } from '../modules/consent/consent.table.ts';
import type { ContentTables } from '../modules/content/content.table.ts';
import type { CustomerServiceTables } from '../modules/customer-service/customer-service.table.ts';
import type { DataRightsTables } from '../modules/data-rights/data-rights.table.ts';
import type { DouyinCompatTables } from '../modules/douyin-compat/douyin-compat.table.ts';
import type { FunnelTables } from '../modules/funnel/funnel.table.ts';
import type { IdentityTables } from '../modules/identity/identity.table.ts';
import type { IndustriesTables } from '../modules/industries/industries.table.ts';
import type { LedgerTables } from '../modules/ledger/ledger.table.ts';
import type { LiveTables } from '../modules/live/live.table.ts';
import type { LoginTables } from '../modules/login/login.table.ts';
import type { MessagesTables } from '../modules/messages/messages.table.ts';
import type { PaymentTables } from '../modules/payments/payments.table.ts';
import type { PlacesTables } from '../modules/places/places.table.ts';
import type { RecommendationTables } from '../modules/recommendation/recommendation.table.ts';
import type { RuntimeErrorTables } from '../modules/runtime-errors/runtime-errors.table.ts';
import type { SearchTables } from '../modules/search/search.table.ts';
import type { VersionTables } from '../modules/versions/versions.table.ts';
import type { WebhookTables } from '../modules/webhooks/webhooks.table.ts';

/**
 * Every table of the platform, as Kysely sees them. Each module owns and declares its
 * own tables; this interface only gathers them so one `Kysely<Database>` serves all.
 */
export interface Database
  extends BlobTables,
    ConsentTables,
    ContentTables,
    CustomerServiceTables,
    DataRightsTables,
    DouyinCompatTables,
    FunnelTables,
    IdempotencyTables,
    JobTables,
    IdentityTables,
    IndustriesTables,
    LedgerTables,
    AppTables,
    LiveTables,
    LoginTables,
    MessagesTables,
    PaymentTables,
    PlacesTables,
    RecommendationTables,
    RuntimeErrorTables,
    SearchTables,
    VersionTables,
    WebhookTables {}
