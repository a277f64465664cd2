import type { UserRole } from '../schema.js';

export interface AgentSeed {
  displayName: string;
  email: string;
  role: Extract<UserRole, 'csr' | 'senior'>;
  regionCode: string;
  availability: 'online' | 'away' | 'offline';
  skills: Record<string, number>;
  languages: string[];
  queueCodes: string[];
}

/**
 * Twelve handlers across four time zones. Li Lei carries "API Integration" (CRM use case A-1);
 * Isabella Hernández is the senior specialist of the persona journey (English and Spanish).
 */
export const agentSeeds: AgentSeed[] = [
  { displayName: 'Li Lei', email: 'li.lei@example.com', role: 'csr', regionCode: 'us_pacific', availability: 'online', skills: { api_integration: 5, loan_servicing: 3 }, languages: ['en', 'zh'], queueCodes: ['technical_support', 'general_inquiries'] },
  { displayName: 'Isabella Hernández', email: 'isabella.hernandez@example.com', role: 'senior', regionCode: 'us_eastern', availability: 'online', skills: { complaint_handling: 5, disputes: 4, refunds: 4, payments: 3 }, languages: ['en', 'es'], queueCodes: ['complaints', 'disputes', 'refunds', 'priority_clients'] },
  { displayName: 'Marcus Johnson', email: 'marcus.johnson@example.com', role: 'csr', regionCode: 'us_eastern', availability: 'online', skills: { payments: 5, collections: 3 }, languages: ['en'], queueCodes: ['payments'] },
  { displayName: 'Aisha Rahman', email: 'aisha.rahman@example.com', role: 'senior', regionCode: 'us_central', availability: 'online', skills: { complaint_handling: 4, loan_servicing: 4, guarantees: 3 }, languages: ['en', 'fr'], queueCodes: ['complaints', 'general_inquiries'] },
  { displayName: 'Diego Morales', email: 'diego.morales@example.com', role: 'csr', regionCode: 'us_mountain', availability: 'online', skills: { payments: 4, refunds: 3, orders_and_deliveries: 3 }, languages: ['en', 'es'], queueCodes: ['payments', 'refunds', 'orders'] },
  { displayName: 'Emily Chen', email: 'emily.chen@example.com', role: 'csr', regionCode: 'us_pacific', availability: 'online', skills: { account_access: 5, api_integration: 2 }, languages: ['en', 'zh'], queueCodes: ['login', 'technical_support'] },
  { displayName: 'Tomás Silva', email: 'tomas.silva@example.com', role: 'csr', regionCode: 'us_eastern', availability: 'online', skills: { orders_and_deliveries: 5, refunds: 3 }, languages: ['en', 'es', 'pt'], queueCodes: ['orders', 'deliveries', 'refunds'] },
  { displayName: 'Grace Okafor', email: 'grace.okafor@example.com', role: 'senior', regionCode: 'us_central', availability: 'online', skills: { investments: 5, guarantees: 4, loan_servicing: 4 }, languages: ['en'], queueCodes: ['priority_clients', 'general_inquiries'] },
  { displayName: "Ryan O'Connor", email: 'ryan.oconnor@example.com', role: 'csr', regionCode: 'us_eastern', availability: 'online', skills: { loan_servicing: 4, collections: 4 }, languages: ['en'], queueCodes: ['general_inquiries', 'payments'] },
  { displayName: 'Sofia Rossi', email: 'sofia.rossi@example.com', role: 'csr', regionCode: 'us_pacific', availability: 'offline', skills: { disputes: 4, payments: 3 }, languages: ['en', 'it'], queueCodes: ['disputes', 'payments'] },
  { displayName: 'Kenji Watanabe', email: 'kenji.watanabe@example.com', role: 'csr', regionCode: 'us_pacific', availability: 'away', skills: { account_access: 4, orders_and_deliveries: 3 }, languages: ['en', 'ja'], queueCodes: ['login', 'deliveries'] },
  { displayName: 'Hannah Becker', email: 'hannah.becker@example.com', role: 'senior', regionCode: 'us_central', availability: 'online', skills: { disputes: 5, complaint_handling: 4, collections: 3 }, languages: ['en', 'de'], queueCodes: ['disputes', 'complaints'] },
];
