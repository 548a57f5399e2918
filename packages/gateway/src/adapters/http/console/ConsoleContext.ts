import type { FundsLedger } from '../../../app/console/createFundsLedger.ts';
import type { Deps } from '../../../app/Deps.ts';
import type { AuditLog } from '../../../core/ports/AuditLog.ts';
import type { KassaDb } from '../../db/createDb.ts';
import type { RpcHealthCache } from './networks/createRpcHealthCache.ts';

/** Where the console's stylesheet and script are served (content-hashed). */
export type ConsoleAssetHrefs = { readonly css: string; readonly js: string };

/** What every console plugin shares, built once by `registerConsole`. */
export type ConsoleContext = {
  readonly deps: Deps;
  /** The console reads across tables (orders list, overview) with queries of its own. */
  readonly kassaDb: KassaDb;
  readonly audit: AuditLog;
  /** The funds ledger, read behind the pages that show it (overview, networks) and shared by them. */
  readonly fundsLedger: FundsLedger;
  /** Each RPC endpoint's last answer to `eth_blockNumber`, shared by the overview and the networks page. */
  readonly rpcHealth: RpcHealthCache;
  readonly assets: ConsoleAssetHrefs;
  /**
   * `kassa dev` only: the secret of the link that signs in without a password
   * (`/console/dev-sign-in?token=…`); undefined in production, where that route does not exist.
   */
  readonly devSignInToken?: string | undefined;
};

/** What each console plugin is registered with. */
export type ConsolePluginOptions = { readonly ctx: ConsoleContext };
