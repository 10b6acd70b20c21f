/**
 * Every column that points at a company. Merging two companies repoints all of them, so a
 * feature that adds such a column adds it here (and its test in companies.e2e-spec.ts proves it).
 */
export const COMPANY_REFERENCES: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'contacts', column: 'company_id' },
  { table: 'leads', column: 'company_id' },
  { table: 'projects', column: 'company_id' },
  { table: 'roadshow_attendees', column: 'company_id' },
  { table: 'delegation_visits', column: 'company_id' },
  { table: 'aftercare_assignments', column: 'company_id' },
  { table: 'aftercare_request_links', column: 'company_id' },
  { table: 'enterprise_requests', column: 'company_id' },
  { table: 'cultivation_entries', column: 'company_id' },
];
