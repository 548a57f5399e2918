import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createApp } from '../../../../app/createApp.ts';
import { rotateAppSecret } from '../../../../app/rotateAppSecret.ts';
import type { App } from '../../../../core/App.ts';
import { formatDecimal } from '../../../../core/money/Decimal.ts';
import { parseCidrList } from '../../../webhooks/parseCidrList.ts';
import { renderHtmlDocument } from '../../view/renderHtmlDocument.ts';
import { sendHtml } from '../../view/sendHtml.ts';
import { getConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';
import { recordConsoleAudit } from '../recordConsoleAudit.ts';
import { AppPage } from './AppPage.tsx';
import { AppSecretPage } from './AppSecretPage.tsx';
import { AppsPage } from './AppsPage.tsx';
import { readAppCoinsForm } from './readAppCoinsForm.ts';
import { readAppSettingsForm } from './readAppSettingsForm.ts';

type AppRequest = FastifyRequest<{ Params: { appId: string }; Querystring: { done?: string } }>;

const NOTICES: Readonly<Record<string, string>> = {
  saved: 'Settings saved.',
  coins: 'Coins saved.',
  disabled: 'The app is disabled: its credentials are refused from now on.',
  enabled: 'The app is enabled again.',
};

/** `/console/apps`: list, create, settings, coins, secret rotation, disable and enable. */
export async function registerAppPages(fastify: FastifyInstance, { ctx }: ConsolePluginOptions) {
  const { deps } = ctx;
  const allowList = parseCidrList(deps.config.webhooks.allowedCidrs);
  const tokenCount = deps.networks.reduce((sum, network) => sum + network.tokens.length, 0);
  const formOf = (request: FastifyRequest) =>
    request.body instanceof URLSearchParams ? request.body : new URLSearchParams();

  const listPage = async (request: FastifyRequest, reply: FastifyReply, status: number, error?: string) => {
    const apps = await deps.store.apps.listApps();
    const session = getConsoleSession(request);
    const notice = NOTICES[(request.query as { done?: string }).done ?? ''];
    const page = (
      <AppsPage
        assets={ctx.assets}
        session={session}
        apps={apps}
        tokenCount={tokenCount}
        notice={notice}
        error={error}
      />
    );
    return sendHtml(request, reply, status, renderHtmlDocument(page));
  };
  const appPage = (request: AppRequest, reply: FastifyReply, app: App, error?: string) => {
    const session = getConsoleSession(request);
    const page = (
      <AppPage
        assets={ctx.assets}
        session={session}
        app={app}
        networks={deps.networks}
        notice={NOTICES[request.query.done ?? '']}
        error={error === undefined ? undefined : { message: error, form: formOf(request) }}
      />
    );
    return sendHtml(request, reply, error === undefined ? 200 : 400, renderHtmlDocument(page));
  };
  const secretPage = (request: FastifyRequest, reply: FastifyReply, title: string, appId: string, secret: string) =>
    sendHtml(
      request,
      reply,
      200,
      renderHtmlDocument(
        <AppSecretPage
          assets={ctx.assets}
          session={getConsoleSession(request)}
          title={title}
          appId={appId}
          secret={secret}
        />,
      ),
    );
  const findApp = async (request: AppRequest, reply: FastifyReply): Promise<App | null> => {
    const app = await deps.store.apps.findApp(request.params.appId);
    if (app === null) await reply.code(404).type('text/plain; charset=utf-8').send('no such app');
    return app;
  };
  const backTo = (reply: FastifyReply, app: App, done: string) =>
    reply.redirect(`/console/apps/${encodeURIComponent(app.appId)}?done=${done}`, 303);

  fastify.get('/console/apps', (request, reply) => listPage(request, reply, 200));

  fastify.post('/console/apps', async (request, reply) => {
    const form = formOf(request);
    const name = (form.get('name') ?? '').trim();
    const webhookText = (form.get('webhook_url') ?? '').trim();
    if (name === '' || name.length > 100) return listPage(request, reply, 400, 'Name must be 1 to 100 characters.');
    const settings = readAppSettingsForm(new URLSearchParams({ webhook_url: webhookText }), allowList);
    if (!settings.ok) return listPage(request, reply, 400, settings.error);
    const created = await createApp(deps, { name, webhookUrl: webhookText === '' ? null : webhookText });
    await recordConsoleAudit(ctx, request, {
      action: 'app.create',
      target: created.appId,
      details: { name, webhook_url: webhookText },
    });
    return secretPage(request, reply, `App ${name} created`, created.appId, created.appSecret);
  });

  fastify.get('/console/apps/:appId', async (request: AppRequest, reply) => {
    const app = await findApp(request, reply);
    return app === null ? reply : appPage(request, reply, app);
  });

  fastify.post('/console/apps/:appId/settings', async (request: AppRequest, reply) => {
    const app = await findApp(request, reply);
    if (app === null) return reply;
    const settings = readAppSettingsForm(formOf(request), allowList);
    if (!settings.ok) return appPage(request, reply, app, settings.error);
    const { change } = settings;
    await deps.store.apps.updateSettings(app.appId, change, deps.clock.now());
    await recordConsoleAudit(ctx, request, {
      action: 'app.settings',
      target: app.appId,
      details: {
        webhook_url: `${app.webhookUrl ?? ''} → ${change.webhookUrl ?? ''}`,
        payment_tolerance: `${formatDecimal(app.paymentTolerance)} → ${change.paymentTolerance === undefined ? '' : formatDecimal(change.paymentTolerance)}`,
        notify_processing: `${app.notifyProcessing} → ${change.notifyProcessing}`,
      },
    });
    return backTo(reply, app, 'saved');
  });

  fastify.post('/console/apps/:appId/coins', async (request: AppRequest, reply) => {
    const app = await findApp(request, reply);
    if (app === null) return reply;
    const coins = readAppCoinsForm(formOf(request), deps.networks);
    if (!coins.ok) return appPage(request, reply, app, coins.error);
    await deps.store.apps.updateSettings(app.appId, { enabledTokenIds: coins.tokenIds }, deps.clock.now());
    await recordConsoleAudit(ctx, request, {
      action: 'app.coins',
      target: app.appId,
      details: { enabled_token_ids: coins.tokenIds === null ? 'all' : coins.tokenIds.join(' ') },
    });
    return backTo(reply, app, 'coins');
  });

  fastify.post('/console/apps/:appId/rotate-secret', async (request: AppRequest, reply) => {
    const app = await findApp(request, reply);
    if (app === null) return reply;
    const secret = await rotateAppSecret(deps, { appId: app.appId });
    await recordConsoleAudit(ctx, request, { action: 'app.secret.rotate', target: app.appId });
    return secretPage(request, reply, `New secret for ${app.name}`, app.appId, secret);
  });

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    fastify.post(`/console/apps/:appId/${path}`, async (request: AppRequest, reply) => {
      const app = await findApp(request, reply);
      if (app === null) return reply;
      await deps.store.apps.updateSettings(app.appId, { disabled }, deps.clock.now());
      await recordConsoleAudit(ctx, request, { action: `app.${path}`, target: app.appId });
      return backTo(reply, app, disabled ? 'disabled' : 'enabled');
    });
  }
}
