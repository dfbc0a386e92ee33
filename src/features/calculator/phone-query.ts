/** The media query under which the input groups are disclosures that start closed (calculator.css says the same; groups.ts). */
export const PHONE_QUERY = '(max-width: 47.99rem)';
