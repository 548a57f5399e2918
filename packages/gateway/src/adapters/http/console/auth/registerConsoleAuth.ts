import type { FastifyInstance } from 'fastify';
import type { ConsolePluginOptions } from '../ConsoleContext.ts';

/** Placeholder while the console is being built (not wired into the server yet). */
export async function registerConsoleAuth(_fastify: FastifyInstance, _options: ConsolePluginOptions) {}
