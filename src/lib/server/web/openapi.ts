import { trainingPaths } from './openapi-training';
import { boardPaths } from './openapi-board';
import { cashbookPaths } from './openapi-cashbook';
import { shopeePaths } from './openapi-shopee';
import { visitPaths } from './openapi-visits';
import { adminPaths } from './openapi-admin';
import { orderDebtPaths } from './openapi-orders-debts';
import { ORDER_CAPS } from '../orders/caps';
import { errorResponses } from './openapi-errors';

/** OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Keep it in step with the routes. */
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

export const openapi = {
	openapi: '3.1.0',
	info: { title: 'E-Crav API', version: '1.0.0', description: 'Community catalogs of village micro food sellers. Money is integer rupiah; times are ISO-8601 UTC. Messages follow Accept-Language (id default, en).' },
	servers: [{ url: '/api/v1' }],
	components: {
		securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /auth/login (stored hashed, expires in 90 days).' } },
		responses: {
			Error: {
				description: 'An error: 400/422 bad input, 401 not signed in, 403 not allowed, 404 unknown (or another shop\'s), 413 too large, 429 too many attempts.',
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['error'],
							properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', properties: { fields: { type: 'object', additionalProperties: { type: 'string' } } } } } } }
						}
					}
				}
			}
		},
		schemas: {
			ProductInput: {
				type: 'object',
				properties: {
					name: { type: 'string', minLength: 3, maxLength: 120 },
					categorySlug: { enum: ['makanan-berat', 'camilan-keripik', 'kue', 'minuman', 'frozen-food', 'sambal-bumbu', 'sembako', 'lainnya'] },
					price: { type: 'integer', minimum: 100, maximum: 100000000 },
					unit: { type: 'string', maxLength: 20 },
					stock: { type: ['integer', 'null'], minimum: 0 },
					madeToOrder: { type: 'boolean' },
					leadTimeDays: { type: 'integer', minimum: 0, maximum: 60 },
					weightGrams: { type: ['integer', 'null'], minimum: 1, maximum: 100000 },
					description: { type: 'string', maxLength: 3000 },
					shelfLife: { type: ['string', 'null'] },
					ingredients: { type: ['string', 'null'] },
					pirt: { type: ['string', 'null'], pattern: '^\\d{13}-?\\d{2}$' },
					halal: { type: ['string', 'null'] },
					bpom: { type: ['string', 'null'], pattern: '^MD ?\\d{12}$' },
					variantTitle: { type: ['string', 'null'], maxLength: 14 },
					variants: { type: 'array', maxItems: 20, items: { type: 'object', required: ['label', 'price'], properties: { id: { type: 'string' }, label: { type: 'string', maxLength: 20 }, price: { type: 'integer' }, stock: { type: ['integer', 'null'] } } } },
					published: { type: 'boolean' }
				}
			},
			ShopDetail: {
				type: 'object',
				required: ['slug', 'name', 'whatsapp', 'url', 'logoUrl', 'pickupPoint', 'openingHours', 'products'],
				properties: {
					slug: { type: 'string' },
					name: { type: 'string' },
					businessType: { type: 'string' },
					area: { type: 'string', nullable: true },
					story: { type: 'string' },
					whatsapp: { type: 'string', description: 'E.164 digits without +' },
					url: { type: 'string', format: 'uri' },
					logoUrl: { type: 'string', format: 'uri', nullable: true, description: 'Square logo (300 px WebP), null when the seller has none' },
					pickupPoint: { type: 'string', nullable: true, description: 'Tempat ambil: where buyers pick up orders' },
					openingHours: { type: 'string', nullable: true, description: 'Jam buka, as the seller wrote it' },
					products: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' }, price: { type: 'integer' }, unit: { type: 'string' }, url: { type: 'string' } } } }
				}
			},
			Checkout: {
				type: 'object',
				required: ['code', 'token', 'statusUrl', 'orders'],
				properties: {
					code: { type: 'string' },
					token: { type: 'string', description: 'Needed to read the checkout again (GET /checkouts/{code}?token=…)' },
					statusUrl: { type: 'string', format: 'uri', description: "The buyer's status page" },
					orders: {
						type: 'array',
						description: 'One order per shop',
						items: {
							type: 'object',
							required: ['code', 'shop', 'status', 'cancelReason', 'items', 'subtotal', 'deliveryFee', 'total', 'paid', 'payment', 'note', 'whatsappUrl'],
							properties: {
								code: { type: 'string' },
								shop: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } },
								status: { enum: ['baru', 'dikonfirmasi', 'disiapkan', 'dikirim', 'siap_diambil', 'selesai', 'dibatalkan'] },
								cancelReason: { type: ['string', 'null'], description: 'Why the seller cancelled, as the seller wrote it (the buyer reads it); null unless status is dibatalkan' },
								items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, variantLabel: { type: ['string', 'null'] }, unit: { type: 'string' }, price: { type: 'integer' }, quantity: { type: 'integer' }, lineTotal: { type: 'integer' } } } },
								subtotal: { type: 'integer' },
								deliveryFee: { type: 'integer' },
								total: { type: 'integer', description: 'Integer rupiah including the delivery fee' },
								paid: { type: 'boolean' },
								payment: { type: 'object', required: ['method'], properties: { method: { enum: ['cod', 'transfer', 'qris'] }, qris: { type: 'string', description: 'Dynamic QRIS payload with the amount' }, transfer: { type: 'object' } } },
								note: { type: 'string', description: "The buyer's note to this shop" },
								whatsappUrl: { type: 'string', format: 'uri', description: 'Opens a message to the seller in Bahasa Indonesia with a link to the order' }
							}
						}
					}
				}
			},
			Product: {
				type: 'object',
				properties: { id: { type: 'string' }, slug: { type: 'string' }, shopId: { type: 'string' }, name: { type: 'string' }, category: { type: 'string' }, price: { type: 'integer' }, unit: { type: 'string' }, stock: { type: ['integer', 'null'] }, madeToOrder: { type: 'boolean' }, status: { enum: ['draft', 'published', 'archived'] }, published: { type: 'boolean' } }
			}
		}
	},
	paths: {
		...trainingPaths,
		...boardPaths,
		...cashbookPaths,
		...shopeePaths,
		...visitPaths,
		...adminPaths,
		...orderDebtPaths,
		'/communities': { get: { summary: 'Communities on this installation', responses: { 200: { description: '{ data: [ { slug, name, regionCode, … } ] }' } } } },
		'/communities/{slug}/products': {
			get: {
				summary: 'Search a community catalog',
				parameters: [id('slug'), ...['q', 'category', 'shop', 'sort'].map((n) => ({ name: n, in: 'query', schema: { type: 'string' } })), { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } }, { name: 'perPage', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }],
				responses: { 200: { description: '{ data: [ { id, slug, name, price, priceMax, unit, category, imageUrl, url, shop } ], page: { number, size, total } } — price is the cheapest choice (with variants, the cheapest variant), priceMax the dearest; they differ when variant prices do' }, ...errorResponses(400, 404) }
			}
		},
		'/communities/{slug}/shops': { get: { summary: 'Shops of a community', description: 'Only shops that show at least one product (a shop opened from the roster appears once its owner publishes one).', parameters: [id('slug')], responses: { 200: { description: '{ data: [...] }' }, ...errorResponses(404) } } },
		'/communities/{slug}/shops/{shop}': {
			get: {
				summary: 'One shop with its products',
				description: 'An old slug of a renamed shop answers 301 to the current one. A shop that shows no product yet answers 404.',
				parameters: [id('slug'), id('shop')],
				responses: {
					200: { description: 'The shop', content: { 'application/json': { schema: { type: 'object', properties: { data: { $ref: '#/components/schemas/ShopDetail' } } } } } },
					301: { description: 'The shop was renamed: Location has its current address' },
					...errorResponses(404)
				}
			}
		},
		'/communities/{slug}/checkouts': {
			post: {
				summary: 'Place a checkout across shops (one order per shop). Idempotency-Key header required: the same key with the same body returns the same orders with 200; with another body 422 idempotency_key_reused. Rate-limited per client address in the community and per (client address, buyer WhatsApp number) (429 with Retry-After).',
				parameters: [id('slug'), { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' } }],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['buyer', 'lines', 'shops'],
								properties: {
									buyer: { type: 'object', required: ['name', 'whatsapp'], properties: { name: { type: 'string' }, whatsapp: { type: 'string' } } },
									lines: { type: 'array', items: { type: 'object', required: ['productId', 'quantity'], properties: { productId: { type: 'string' }, variantId: { type: ['string', 'null'] }, quantity: { type: 'integer', minimum: 1, maximum: ORDER_CAPS.perLine } } } },
									shops: { type: 'object', additionalProperties: { type: 'object', required: ['delivery', 'payment'], properties: { delivery: { enum: ['pickup', 'local', 'courier'] }, payment: { enum: ['cod', 'transfer', 'qris'] }, address: { type: 'string' }, note: { type: 'string', maxLength: 500, description: 'The note to this shop only' } } } },
									note: { type: 'string', maxLength: 500, description: 'A note for every shop of the checkout (prefer shops.{slug}.note)' }
								}
							}
						}
					}
				},
				responses: {
					201: { description: 'The checkout: one order per shop', content: { 'application/json': { schema: { $ref: '#/components/schemas/Checkout' } } } },
					200: { description: 'The same checkout, for a repeated Idempotency-Key with the same body', content: { 'application/json': { schema: { $ref: '#/components/schemas/Checkout' } } } },
					...errorResponses(400, 404),
					409: { description: 'out_of_stock: error.message names the product and what is left' },
					422: { description: 'invalid input, or idempotency_key_reused (the key was used with another body)' },
					429: { description: 'too_many_checkouts: wait the seconds in Retry-After' }
				}
			}
		},
		'/checkouts/{code}': { get: { summary: 'A checkout with current statuses', parameters: [id('code'), { name: 'token', in: 'query', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'The checkout with current statuses; a cancelled order carries the seller\'s cancelReason', content: { 'application/json': { schema: { $ref: '#/components/schemas/Checkout' } } } }, ...errorResponses(404) } } },
		'/auth/login': {
			post: {
				summary: 'Sign in with an e-mail or WhatsApp number',
				requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['login', 'password'], properties: { login: { type: 'string' }, password: { type: 'string' } } } } } },
				responses: { 200: { description: '{ token, expiresAt, user: { id, name, roles } }' }, ...errorResponses(401, 429) }
			}
		},
		'/me/shops': { get: { security: [{ bearer: [] }], summary: "The caller's shops", responses: { 200: { description: '{ data: [ { id, slug, name } ] }' }, ...errorResponses(401) } } },
		'/shops/{shopId}/products': {
			get: { security: [{ bearer: [] }], summary: "A shop's products for its seller", parameters: [id('shopId')], responses: { 200: { description: '{ data: [Product] }' }, ...errorResponses(401, 404) } },
			post: {
				security: [{ bearer: [] }],
				summary: 'Create a product (draft unless published: true)',
				parameters: [id('shopId')],
				requestBody: { required: true, content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/ProductInput' }], required: ['name', 'categorySlug', 'price', 'unit'] } } } },
				responses: { 201: { description: 'The product', content: { 'application/json': { schema: { $ref: '#/components/schemas/Product' } } } }, ...errorResponses(400, 401, 404, 422) }
			}
		},
		'/products/{productId}': {
			get: { security: [{ bearer: [] }], summary: 'A product with variants, photos and listing score', parameters: [id('productId')], responses: { 200: { description: 'Product' }, ...errorResponses(401, 404) } },
			patch: {
				security: [{ bearer: [] }],
				summary: 'Change any editable field',
				parameters: [id('productId')],
				requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ProductInput' } } } },
				responses: { 200: { description: 'The product' }, ...errorResponses(400, 401, 404, 422) }
			},
			delete: { security: [{ bearer: [] }], summary: 'Archive the product', parameters: [id('productId')], responses: { 200: { description: 'The archived product' }, ...errorResponses(401, 404) } }
		},
		'/programs/{programId}/funnel': {
			get: {
				security: [{ bearer: [] }],
				summary:
					"Adoption funnel of the program's community, computed from live data (coordinator or facilitator of that community; a seller or anyone else 404). Each member stands at the last level reached in order; first_visitor = the first WIB day the shop had a counted visitor, or its first order if earlier; `skipped` is empty since visitors are counted.",
				parameters: [id('programId')],
				responses: {
					200: {
						description: 'Members with their level, and how many stand at each level',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data', 'counts'],
									properties: {
										data: {
											type: 'array',
											items: {
												type: 'object',
												required: ['memberId', 'name', 'level'],
												properties: {
													memberId: { type: 'string' },
													name: { type: 'string' },
													level: { enum: ['invited', 'account', 'profile', 'first_product', 'good_listing', 'first_order', 'first_completed', 'regular'] },
													since: { type: 'string', format: 'date-time', description: 'When the member reached this level' },
													next: { type: ['string', 'null'], description: 'The next level to reach; null at regular' }
												}
											}
										},
										counts: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Every measured level as a key, with the number of members standing there' },
										skipped: { type: 'array', items: { type: 'string' } }
									}
								}
							}
						}
					},
					...errorResponses(401, 404)
				}
			}
		},
		'/communities/{slug}/programs': {
			get: {
				security: [{ bearer: [] }],
				summary: "The community's programs with their seven stages (coordinator or facilitator of that community; anyone else 404)",
				parameters: [id('slug')],
				responses: {
					200: {
						description: 'Programs, newest first',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data'],
									properties: {
										data: {
											type: 'array',
											items: {
												type: 'object',
												required: ['id', 'name', 'stages'],
												properties: {
													id: { type: 'string' },
													name: { type: 'string' },
													startsOn: { type: ['string', 'null'], format: 'date' },
													endsOn: { type: ['string', 'null'], format: 'date' },
													stages: {
														type: 'array',
														items: {
															type: 'object',
															required: ['key', 'name', 'status'],
															properties: {
																key: { enum: ['persiapan_sosial', 'dialog', 'asesmen', 'rencana', 'intervensi', 'evaluasi', 'terminasi'] },
																name: { type: 'string' },
																status: { enum: ['belum', 'berjalan', 'selesai'] },
																startsOn: { type: ['string', 'null'], format: 'date' },
																endsOn: { type: ['string', 'null'], format: 'date' }
															}
														}
													}
												}
											}
										}
									}
								}
							}
						}
					},
					...errorResponses(401, 404)
				}
			}
		},
		'/programs/{programId}/indicators': {
			get: {
				security: [{ bearer: [] }],
				summary:
					'Indicators of a program with baseline, target and the value now. Automatic ones are computed on each request from current data (members, accounts_set_up, shops_ready, shops_selling, products_published, listing_quality, shops_ready = the adoption funnel count of complete shop profiles, orders_30d = orders placed in the last 30 days of the program period (its start up to its end or now, whichever is earlier) and not cancelled, turnover_30d = the sum in rupiah of those of them that are completed (status selesai), attendance_rate in %, knowledge_gain = normalised gain g, shops_on_shopee = shops with at least one Shopee bulk-upload file of one product or more made through E-Crav (before the end of the program), visitors_30d = daily visitors of the community (visitor counts, no cookies) summed over the last 30 WIB days of the program period, income_monthly / profit_monthly = the rupiah income and profit (income − expense; withdrawals by the owner and capital never count) in one WIB month — the last month of a finished program, the last complete month of a running one — summed over the shops of the community that agreed to share their cash-book monthly totals (no single entry ever), null when no shop shares; these two items also carry month (YYYY-MM) and sharingShops); manual ones give their latest dated entry. null = no data yet. Coordinator or facilitator of the community; anyone else 404.',
				parameters: [id('programId')],
				responses: {
					200: {
						description: 'Indicators in the plan\'s order',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['data'],
									properties: {
										data: {
											type: 'array',
											items: {
												type: 'object',
												required: ['key', 'label', 'unit', 'baseline', 'target', 'value', 'source'],
												properties: {
													key: { type: 'string' },
													label: { type: 'string' },
													unit: { type: 'string' },
													baseline: { type: ['number', 'null'] },
													target: { type: ['number', 'null'] },
													value: { type: ['number', 'null'] },
													source: { enum: ['auto', 'manual'] },
													metric: { type: ['string', 'null'] },
													valueOn: { type: ['string', 'null'], format: 'date', description: 'manual only: date of the value' },
													month: { type: ['string', 'null'], description: 'income_monthly / profit_monthly only: the WIB month (YYYY-MM) of the value' },
													sharingShops: { type: 'integer', description: "income_monthly / profit_monthly only: shops of the community that share their cash book's monthly totals" }
												}
											}
										}
									}
								}
							}
						}
					},
					...errorResponses(401, 404)
				}
			}
		},
		'/products/{productId}/photos': {
			post: {
				security: [{ bearer: [] }],
				summary: 'Upload a photo (JPEG, PNG, WebP, HEIC; ≤ 15 MB; ≤ 50 MP)',
				parameters: [id('productId')],
				requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
				responses: { 201: { description: '{ id, variants: [ { width, height, url, bytes } ], hints: [ { code, message } ] }' }, ...errorResponses(400, 401, 404, 413, 422) }
			}
		}
	}
} as const;
