import type { Training } from './training.service';

/** The kop typed in a letter's "Instansi pengirim": one line per line, or lines joined by " / ". */
export function kopLines(issuer: string): string[] {
	return issuer
		.split(/\s*\/\s*|\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}

/**
 * The kop and signer the evaluation report prints, taken from the letter settings the coordinator already
 * typed for the invitation letters (there is no second place to type them). `kop` and `signer` are empty
 * when no letter has them; `fillAt` is the training whose letter form to fill in then (the program's latest).
 */
export interface ReportLetter {
	kop: string[];
	address: string;
	signer: { title: string; name: string; rank: string; nip: string };
	/** "Tempat penulisan surat" of the latest letter that has one (empty: none typed). */
	place: string;
	/** Training whose letter the kop came from / the signer came from (null: not set in any letter). */
	kopFrom: string | null;
	signerFrom: string | null;
	/** Where to fill in what is missing: the program's latest training, or null when the program has none. */
	fillAt: { trainingId: string; title: string } | null;
}

/**
 * Picks the kop and the signer separately, each from the latest training that has it: the program's own
 * trainings first, then the community's other trainings (a new program — a copied template — reuses the
 * Lurah's name and NIP typed for last year's letters). A signer counts when their name is filled in; the
 * title, rank and NIP printed are that same letter's, never mixed from two letters.
 */
export function reportLetterOf(programId: string, trainings: Training[]): ReportLetter {
	const latestFirst = (a: Training, b: Training) => b.startsAt.localeCompare(a.startsAt) || b.id.localeCompare(a.id);
	const own = trainings.filter((t) => t.programId === programId).sort(latestFirst);
	const ordered = [...own, ...trainings.filter((t) => t.programId !== programId).sort(latestFirst)];
	const withKop = ordered.find((t) => kopLines(t.letter.issuer).length > 0 || t.letter.issuerAddress.trim() !== '');
	const withSigner = ordered.find((t) => t.letter.signerName.trim() !== '');
	const s = withSigner?.letter;
	const withPlace = ordered.find((t) => t.letter.place.trim() !== '');
	return {
		kop: withKop ? kopLines(withKop.letter.issuer) : [],
		address: withKop?.letter.issuerAddress ?? '',
		signer: { title: s?.signerTitle ?? '', name: s?.signerName ?? '', rank: s?.signerRank ?? '', nip: s?.signerNip ?? '' },
		place: withPlace?.letter.place.trim() ?? '',
		kopFrom: withKop?.id ?? null,
		signerFrom: withSigner?.id ?? null,
		fillAt: own[0] ? { trainingId: own[0].id, title: own[0].title } : null
	};
}
