// The sample team's keys, written by `npx tsx scripts/sampleReviews.ts`. Their private keys ship
// with Almanac so that a newcomer can act as every role of the sample workspace without editing a
// file. Anyone can sign as these members: `audit verify` and the studio name them as demo keys.
import type { Member } from '../workspace/index.js';

export interface DemoKeyPair {
  member: string;
  publicKey: string;
  privateKeyPem: string;
}

export const demoKeyPairs: DemoKeyPair[] = [
  {
    member: 'sara.koh',
    publicKey: 'ed25519:jDRVOWNrIkL7tkATlJRBClQVp4XEWh5sGId7lK5hAXE=',
    privateKeyPem:
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEICGZQc2Zfs5de+z9JjIcTOorRYk7DCsnAwzKTocsch1m\n-----END PRIVATE KEY-----\n',
  },
  {
    member: 'mei.chen',
    publicKey: 'ed25519:gepvBfc02bkekRl8e9nz9cSykbTBIY+kv9WMFD9J9YI=',
    privateKeyPem:
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEICM9apCCbeqoBtZq7/kwHQkmRRnx3B6j++UCOBNc+U4X\n-----END PRIVATE KEY-----\n',
  },
  {
    member: 'tom.ward',
    publicKey: 'ed25519:1VH9F5pju9TaH79vEYcKvEYidoAzTvvOqjTYGtZNmdU=',
    privateKeyPem:
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIP8ro/mZsUB9JfvQU8ydfgqEJYxRKQ5qDXZG/xIds9bU\n-----END PRIVATE KEY-----\n',
  },
  {
    member: 'li.na',
    publicKey: 'ed25519:4aib+7f9NEC1Vx7aeDnv6uZo/f+kDH4abIxTf9roKDw=',
    privateKeyPem:
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIDVQMOn1Ehk45rh/OqRzLPzvstBmocYYSwXwL1QO8O5d\n-----END PRIVATE KEY-----\n',
  },
  {
    member: 'james.okafor',
    publicKey: 'ed25519:xdKqz+rGoy04F0Qv/SJ8WFuetvb7k7qACUq2Pm1p//w=',
    privateKeyPem:
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIFLQoPgVlJ4boatCsqHmyGL1q/9uecQ2+Ze9vIgbpoHZ\n-----END PRIVATE KEY-----\n',
  },
  {
    member: 'priya.raman',
    publicKey: 'ed25519:pGBLerjFUl+9lJ+xsfL6bWd21FJDoYXzhT5eFua1adc=',
    privateKeyPem:
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIMGBqUZ8Wdft4KGKX6V3q/sMz5DiWKOZTESbyNAUsWRA\n-----END PRIVATE KEY-----\n',
  },
];

const byPublicKey = new Map(demoKeyPairs.map((k) => [k.publicKey, k.privateKeyPem]));

/** Whether a public key is one of the sample team's demo keys. */
export const isDemoKey = (publicKey: string | undefined): boolean => !!publicKey && byPublicKey.has(publicKey);

/** The private key of a demo public key (PKCS#8 PEM), which every copy of Almanac holds. */
export const demoPrivateKey = (publicKey: string): string | undefined => byPublicKey.get(publicKey);

/** The members whose current key is a demo key. */
export const demoMembers = (team: Member[]): string[] => team.filter((m) => isDemoKey(m.publicKey)).map((m) => m.id);
