// Runs the real gateway for bench/console.ts in its own process (the client's timing loop must not
// share its event loop) over a database the benchmark already filled, signs an operator in to the
// console and prints one JSON line {url, cookie}. The data dir and schema belong to the caller.
import { randomUUID } from 'node:crypto';
import { createSecretBox } from '../../packages/gateway/src/adapters/crypto/createSecretBox.ts';
import { createOperatorStore } from '../../packages/gateway/src/adapters/db/operators/createOperatorStore.ts';
import { SESSION_COOKIE } from '../../packages/gateway/src/adapters/http/console/auth/consoleSessionLimits.ts';
import { startConsoleSession } from '../../packages/gateway/src/adapters/http/console/auth/startConsoleSession.ts';
import { loadConfig } from '../../packages/gateway/src/config/loadConfig.ts';
import { createGateway } from '../../packages/gateway/src/main.ts';

const [dataDir = '', databaseUrl = '', pgSchema] = process.argv.slice(2);
const config = loadConfig({
  mode: 'dev',
  env: { KASSA_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, KASSA_PORT: '0', KASSA_LOG_LEVEL: 'warn' },
});
// No networks: the console reads what the database holds; nothing probes an RPC node meanwhile.
const gateway = await createGateway(config, {
  logger: { level: 'warn' },
  networks: [],
  ...(pgSchema === undefined ? {} : { pgSchema }),
});
const url = await gateway.listen();
const operators = createOperatorStore(gateway.kassaDb.db, createSecretBox(config.masterKey));
const name = `bench-${randomUUID().slice(0, 8)}`;
await operators.insertOperator({ operatorId: randomUUID(), name, createdAtMs: Date.now() });
const operator = await operators.findOperatorByName(name);
if (operator === null) throw new Error('the benchmark operator is missing right after its insert');
const session = await startConsoleSession(operators, {
  operatorId: operator.operatorId,
  nowMs: Date.now(),
  address: '127.0.0.1',
  userAgent: 'bench/console.ts',
});
process.stdout.write(`${JSON.stringify({ url, cookie: `${SESSION_COOKIE}=${session.token}` })}\n`);

const stop = async () => {
  await gateway.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
