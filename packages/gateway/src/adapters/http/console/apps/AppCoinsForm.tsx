import type { App } from '../../../../core/App.ts';
import { appTakesToken } from '../../../../core/appTakesToken.ts';
import type { Network } from '../../../../core/network.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import { CsrfField } from '../layout/CsrfField.tsx';

export type AppCoinsFormProps = {
  readonly app: App;
  readonly networks: readonly Network[];
  readonly session: ConsoleSession;
  readonly action: string;
};

/** Every coin or only some: a token left out is not listed to the app and refused for its orders. */
export function AppCoinsForm({ app, networks, session, action }: AppCoinsFormProps) {
  const takesAll = app.enabledTokenIds === null;
  return (
    <>
      <h2 id="coins-heading">Coins</h2>
      <form class="stack" method="post" action={action} aria-labelledby="coins-heading">
        <CsrfField session={session} />
        <label class="checkbox">
          <input type="radio" name="coins" value="all" checked={takesAll} />
          Every coin on offer, including ones added later
        </label>
        <label class="checkbox">
          <input type="radio" name="coins" value="some" checked={!takesAll} />
          Only the coins checked below
        </label>
        {networks.map((network) => (
          <fieldset key={network.key}>
            <legend>{network.key}</legend>
            {network.tokens.map((token) => (
              <label class="checkbox" key={token.tokenId}>
                <input type="checkbox" name="token" value={token.tokenId} checked={appTakesToken(app, token.tokenId)} />
                {`${token.symbol} (${token.name})`}
              </label>
            ))}
          </fieldset>
        ))}
        <div>
          <button type="submit">Save coins</button>
        </div>
      </form>
    </>
  );
}
