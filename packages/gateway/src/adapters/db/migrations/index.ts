import { initialMigration } from './0001_initial.ts';
import { paymentsAfterReorgMigration } from './0002_payments_after_reorg.ts';
import { deliveriesByUrlMigration } from './0003_deliveries_by_url.ts';
import { deliveriesInOrderMigration } from './0004_deliveries_in_order.ts';
import { sweepsMigration } from './0005_sweeps.ts';
import { leaderLeasesMigration } from './0006_leader_leases.ts';
import { attemptsBeforeSendingMigration } from './0007_attempts_before_sending.ts';
import { appCoinsAndDisablingMigration } from './0008_app_coins_and_disabling.ts';
import { operatorsMigration } from './0009_operators.ts';
import { consoleIndexesMigration } from './0010_console_indexes.ts';
import type { KassaMigration } from './KassaMigration.ts';

/** Every migration in order. Append only: a released migration never changes. */
export const MIGRATIONS: readonly KassaMigration[] = [
  initialMigration,
  paymentsAfterReorgMigration,
  deliveriesByUrlMigration,
  deliveriesInOrderMigration,
  sweepsMigration,
  leaderLeasesMigration,
  attemptsBeforeSendingMigration,
  appCoinsAndDisablingMigration,
  operatorsMigration,
  consoleIndexesMigration,
];
