import { indexTerms } from '../search/indonesian';
import { id as idMessages } from '../../i18n/id';
import { en as enMessages } from '../../i18n/en';

/**
 * What a product is found by, in three tiers ranked in this order: its name; its description and shop name;
 * its category in both languages. A search for "keripik" thus lists products named keripik first, then those
 * described as keripik, and only then the rest of the snack category.
 */
export function productSearchTerms(name: string, categorySlug: string, shopName: string, description: string) {
	const key = `category.${categorySlug}` as keyof typeof idMessages;
	return {
		search_name: indexTerms(name),
		search_body: indexTerms(shopName, description),
		search_category: indexTerms(idMessages[key] ?? '', enMessages[key] ?? '')
	};
}
