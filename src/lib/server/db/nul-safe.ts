import { OperationNodeTransformer, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type PrimitiveValueListNode, type QueryResult, type RootOperationNode, type UnknownRow, type ValueNode } from 'kysely';

/** PostgreSQL's text cannot hold U+0000 ("invalid byte sequence for encoding UTF8: 0x00" → a 500); SQLite can. */
const safe = (v: unknown): unknown => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v);

class NulTransformer extends OperationNodeTransformer {
	protected override transformValue(node: ValueNode): ValueNode {
		const value = safe(node.value);
		return value === node.value ? super.transformValue(node) : { ...node, value };
	}
	protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
		return node.values.some((v) => typeof v === 'string' && v.includes('\u0000')) ? { ...node, values: node.values.map(safe) } : super.transformPrimitiveValueList(node);
	}
}

/**
 * Every string parameter sent to PostgreSQL has its NUL characters replaced by U+FFFD. A NUL can reach a query from
 * any URL parameter or form field (`/koordinator/%00/…`, found by the route fuzzer): stored text never holds one, so
 * a lookup with it finds nothing — as on SQLite — instead of the driver's error becoming a 500.
 */
export class NulSafePlugin implements KyselyPlugin {
	readonly #transformer = new NulTransformer();
	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		return this.#transformer.transformNode(args.node);
	}
	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}
