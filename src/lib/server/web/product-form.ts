import { composeDescription } from '../../utils/description-helper';
import { formValues } from './forms';

/** "Bantu tulis deskripsi": the form comes back with the description composed from the seller's answers. */
export function describeFromForm(form: FormData) {
	const answer = (k: string) => String(form.get(`helper.${k}`) ?? '').slice(0, 200);
	const values = formValues(form);
	values.description = composeDescription({
		name: String(form.get('name') ?? '').slice(0, 120),
		taste: answer('taste'),
		ingredients: answer('ingredients'),
		size: answer('size'),
		keeps: answer('keeps'),
		serve: answer('serve'),
		special: answer('special')
	});
	return { values, fields: {}, helped: true };
}


/** What the product form shows for a new product. */
export const EMPTY_PRODUCT = {
	name: '',
	categorySlug: 'camilan-keripik',
	price: '',
	unit: 'bungkus',
	stock: 10,
	madeToOrder: false,
	leadTimeDays: 0,
	weightGrams: null,
	description: '',
	shelfLife: null,
	ingredients: null,
	pirt: null,
	halal: null,
	bpom: null,
	variantTitle: null,
	variants: []
};
