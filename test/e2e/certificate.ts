/**
 * A throw-away self-signed certificate for the hosts the fixture server plays, made with `openssl`.
 * Chromium runs with `--ignore-certificate-errors`, but the certificate still names every host
 * (subjectAltName) so the TLS handshake looks like the real site's.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Certificate {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

export function createCertificate(dir: string, hosts: readonly string[]): Certificate {
  const [commonName] = hosts;
  if (!commonName) throw new Error('createCertificate: name at least one host');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-nodes', '-days', '2',
        '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
        '-keyout', keyPath, '-out', certPath,
        '-subj', `/CN=${commonName}`,
        '-addext', `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`,
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    const { stderr, code } = error as { stderr?: Buffer; code?: string };
    if (code === 'ENOENT') {
      throw new Error('openssl is not installed; it makes the test certificate. Install it: apt-get install openssl');
    }
    throw new Error(`openssl could not make the test certificate:\n${stderr?.toString() ?? String(error)}`);
  }
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, keyPath };
}
