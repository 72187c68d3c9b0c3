import { main } from '../../src/cli/kaohe';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the kaohe command in-process, capturing what it prints. */
export async function kaohe(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

export async function kaoheJson(...args: string[]): Promise<{ code: number; report: any }> {
  const r = await kaohe(...args, '--json');
  if (r.err) throw new Error(r.err);
  return { code: r.code, report: JSON.parse(r.out) };
}
