import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { envSchema } from '../../../src/config/env-schema.js';

const DIR = new URL('../../../deploy/kubernetes/', import.meta.url);

interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: a manifest's body is checked by its Kubernetes schema
  readonly [field: string]: any;
}

const kustomization = parseAllDocuments(
  readFileSync(new URL('kustomization.yaml', DIR), 'utf8'),
)[0]?.toJS() as {
  resources: string[];
};
const manifests: Manifest[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(new URL(file, DIR), 'utf8')).map((doc) => {
    expect(doc.errors, file).toEqual([]);
    return doc.toJS() as Manifest;
  }),
);
const one = (kind: string): Manifest => {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Manifest;
};

/**
 * The model class of `kubernetes-models` for a manifest's apiVersion and kind: generated from
 * Kubernetes's own OpenAPI schemas, its `validate()` checks the manifest against them offline.
 */
async function modelOf(manifest: Manifest): Promise<new (data: object) => { validate(): void }> {
  const [group, version] = manifest.apiVersion.includes('/')
    ? manifest.apiVersion.split('/')
    : [null, manifest.apiVersion];
  const path = group ? `${group}/${version}/${manifest.kind}` : `${version}/${manifest.kind}`;
  const module = (await import(`kubernetes-models/${path}`)) as Record<
    string,
    new (
      data: object,
    ) => { validate(): void }
  >;
  const model = module[manifest.kind];
  if (!model) throw new Error(`no Kubernetes schema for ${manifest.apiVersion} ${manifest.kind}`);
  return model;
}

describe('the Kubernetes manifests (deploy/kubernetes)', () => {
  it('are all listed in the kustomization', () => {
    const files = readdirSync(DIR).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('validate against the Kubernetes schemas', async () => {
    expect(manifests.map((m) => m.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'Job', 'PodDisruptionBudget', 'Secret', 'Service'].sort(),
    );
    for (const manifest of manifests) {
      const Model = await modelOf(manifest);
      expect(
        () => new Model(manifest).validate(),
        `${manifest.kind} ${manifest.metadata.name}`,
      ).not.toThrow();
    }
  });

  it('the schemas refuse a broken manifest (the check can fail)', async () => {
    const deployment = one('Deployment');
    const broken = structuredClone(deployment);
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'three thousand';
    const Model = await modelOf(deployment);
    expect(() => new Model(broken).validate()).toThrow(/containerPort/);
    const noSelector = structuredClone(deployment);
    delete noSelector.spec.selector;
    expect(() => new Model(noSelector).validate()).toThrow(/selector/);
  });

  it('run the bot with readiness on /readyz, liveness on /healthz, resources, and no migration at start', () => {
    const deployment = one('Deployment');
    const pod = deployment.spec.template;
    const [bot] = pod.spec.containers;
    expect(bot.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(bot.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(bot.ports).toContainEqual({
      name: 'http',
      containerPort: envSchema.shape.PORT.parse(undefined),
      protocol: 'TCP',
    });
    expect(bot.resources.requests.cpu).toBeTruthy();
    expect(bot.resources.requests.memory).toBeTruthy();
    expect(bot.resources.limits.memory).toBeTruthy();
    expect(bot.env).toContainEqual({ name: 'MIGRATE_ON_START', value: 'false' });
    // The selector picks the pods the template makes (kustomize's labels do not touch either).
    for (const [key, value] of Object.entries(deployment.spec.selector.matchLabels))
      expect(pod.metadata.labels[key], key).toBe(value);
    // A rolling update keeps serving: a new pod is ready before an old one goes.
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(pod.spec.terminationGracePeriodSeconds).toBeGreaterThan(10);
  });

  it("migrate once per release in a Job, with `npm run migrate`'s entry point", () => {
    const job = one('Job');
    const [migrate] = job.spec.template.spec.containers;
    const script = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).scripts
      .migrate as string;
    // The image holds the compiled output: the script's source file, compiled.
    expect(script).toBe('tsx src/migrate.ts');
    expect(migrate.command).toEqual(['node', 'dist/src/migrate.js']);
    expect(migrate.image).toBe(one('Deployment').spec.template.spec.containers[0].image);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('keep a bot serving through a node drain, and reach it through a Service', () => {
    const deployment = one('Deployment');
    const pdb = one('PodDisruptionBudget');
    const service = one('Service');
    expect(pdb.spec.minAvailable).toBe(1);
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(service.spec.ports[0].targetPort).toBe('http');
  });

  it('take every variable from the ConfigMap and the Secret, each one the bot knows', () => {
    const known = new Set(Object.keys(envSchema.shape));
    const configMap = one('ConfigMap');
    const secret = one('Secret');
    const deployment = one('Deployment');
    const [bot] = deployment.spec.template.spec.containers;
    const refs = bot.envFrom.map((from: Record<string, { name: string }>) => Object.values(from)[0]?.name);
    expect(refs).toEqual([configMap.metadata.name, secret.metadata.name]);
    const named = [
      ...Object.keys(configMap.data),
      ...Object.keys(secret.stringData),
      ...bot.env.map((e: { name: string }) => e.name),
    ];
    for (const name of named) expect(known.has(name), `${name} is not a variable of the bot`).toBe(true);
    expect(Object.keys(secret.stringData)).toEqual(
      expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DATABASE_URL']),
    );
    // Placeholders only: nothing that looks like a real Slack token is checked in.
    for (const value of Object.values(secret.stringData as Record<string, string>))
      expect(value).toMatch(/replace-me|^redis:\/\/redis:6379$/);
  });
});
