package report

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The rule for what looks like a name, shared by the window and the
// command line: before a redacted report is saved, both list the words
// it would still show that may be someone's name, so a person can hide
// them too.

// NameLikeWords lists the capitalised words in texts that may be names:
// those written with a capital somewhere other than at the start of a
// sentence, leaving out common English words, roles ("Mum"), titles,
// months, weekdays, the words of vocabulary (pattern and emotion names),
// words in capitals ("NHS") and the labels a redaction leaves ("[A]").
// Each word is listed once, as first written, in the order first seen.
func NameLikeWords(texts []string, vocabulary []string) []string {
	known := map[string]bool{}
	for _, v := range vocabulary {
		for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return !unicode.IsLetter(r) }) {
			known[w] = true
		}
	}
	var out []string
	listed := map[string]bool{}
	for _, text := range texts {
		for start := 0; start < len(text); {
			r, size := utf8.DecodeRuneInString(text[start:])
			if !unicode.IsLetter(r) {
				start += size
				continue
			}
			end := wordEnd(text, start)
			word := trimPossessive(text[start:end])
			key := strings.ToLower(word)
			if nameLike(word) && !sentenceStart(text[:start]) && !strings.HasSuffix(text[:start], "[") &&
				!ordinary(key, known) && !listed[key] {
				listed[key] = true
				out = append(out, word)
			}
			start = end
		}
	}
	return out
}

// wordEnd is where the word starting at start ends: letters and marks,
// with an apostrophe or hyphen inside ("O'Neil", "Mary-Jane").
func wordEnd(text string, start int) int {
	end := start
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if isWordRune(r) {
			end += size
			continue
		}
		if r == '\'' || r == '’' || r == '-' {
			next, _ := utf8.DecodeRuneInString(text[end+size:])
			if end+size < len(text) && unicode.IsLetter(next) {
				end += size
				continue
			}
		}
		break
	}
	return end
}

func trimPossessive(word string) string {
	for _, s := range []string{"'s", "’s", "'S", "’S"} {
		if w, ok := strings.CutSuffix(word, s); ok && w != "" {
			return w
		}
	}
	return word
}

// nameLike: a capital, then at least one small letter.
func nameLike(word string) bool {
	first, size := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(first) && strings.ContainsFunc(word[size:], unicode.IsLower)
}

// ordinary reports whether every part of a word is a common word or one
// of known, so "People-pleasing" is no name but "Mary-Jane" may be.
func ordinary(key string, known map[string]bool) bool {
	for _, part := range strings.Split(key, "-") {
		if w := nameWords(); !w.plainWords[part] && !w.roleWords[part] && !w.titleWords[part] && !w.calendarWords[part] && !known[part] {
			return false
		}
	}
	return true
}

// isRoleName reports whether a name is only a role, such as "Mum",
// "my partner" or "Mum's boyfriend": who someone is, not their name.
func isRoleName(name string) bool {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	for _, w := range words {
		w = trimPossessive(w)
		if words := nameWords(); !words.roleWords[w] && !words.determiners[w] {
			return false
		}
	}
	return len(words) > 0
}

// isTitle reports whether a word of a name is a title ("Dr", "Mrs"),
// which says nothing about who it is.
func isTitle(word string) bool {
	return nameWords().titleWords[strings.ToLower(strings.TrimSuffix(word, "."))]
}

func wordSet(lists ...string) map[string]bool {
	out := map[string]bool{}
	for _, list := range lists {
		for _, w := range strings.Fields(list) {
			out[w] = true
		}
	}
	return out
}

// nameWordSets are the word lists that tell a name from other words,
// built on first use rather than when the program starts: most commands
// never look for names.
type nameWordSets struct {
	determiners, roleWords, titleWords, calendarWords, plainWords map[string]bool
}

var nameWords = sync.OnceValue(func() nameWordSets {
	return nameWordSets{
		determiners: wordSet("my our your his her their the a an s"),

		roleWords: wordSet(`mum mom mummy mommy mother mam mama mamma ma dad daddy father pa papa parent parents
		stepmum stepmom stepmother stepdad stepfather grandma grandmother granny gran nan nana nanna grandad granddad
		grandpa grandfather grandparent grandparents brother sister sibling siblings bro sis son daughter child children
		kid kids baby wife husband partner boyfriend girlfriend fiance fiancé fiancée ex spouse uncle aunt auntie aunty
		cousin niece nephew family friend friends bestie mate mates boss manager colleague colleagues coworker
		therapist counsellor counselor analyst doctor gp nurse teacher neighbour neighbor flatmate roommate housemate
		landlord landlady in-law in-laws stepbrother stepsister`),

		titleWords: wordSet("dr mr mrs ms miss mx prof sir dame lady lord rev fr st"),

		calendarWords: wordSet(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
		mon tue tues wed thu thur thurs fri sat sun christmas easter xmas`),

		// plainWords are common English words, which a capital doesn't make a
		// name: mostly words a title in title case would capitalise.
		plainWords: wordSet(`i i'm i've i'd i'll im ive a about above after again against all almost also always am an
		and another any anyone anything are around as ask asked at away back bad be because been before being below
		best better between big both but by came can can't cannot could couldn't day days did didn't do does doesn't
		doing don't done down during each early end enough even ever every everyone everything feel feeling feelings
		felt few first for from full get getting give go going good got great had hadn't hard has hasn't have haven't
		having he he's her here hers herself him himself his home how however if in into is isn't it it's its itself
		just keep kind know last late later least left less let let's life like little long look lost lot made make
		many maybe me might mine more morning most much must my myself need never new next nice night no nobody none
		nor not nothing now of off often oh ok okay old on once one only or other others our ours ourselves out over
		own part people place put quite rather really right said same saw say says see seem she she's should
		shouldn't since so some someone something sometimes soon still such sure take talk talked talking tell than
		thank thanks that that's the their theirs them themselves then there there's these they they're thing things
		think this those though thought through time to today told tomorrow tonight too took toward towards try
		trying under until up upon us very want wanted was wasn't way we we're week weekend well went were weren't
		what what's when where whether which while who whom whose why will with without won't work world would
		wouldn't write wrote year years yes yesterday yet you you're your yours yourself yourselves
		dream dreams sea water house room school office meeting session sessions call called text email phone message
		party dinner lunch breakfast walk holiday trip weekend birthday wedding funeral hospital appointment job
		therapy journal entry entries question questions goal goals note notes pattern patterns mood summary report
		anger fear love hate happy sad angry worried tired better worse again alone together first second third
		english tv internet ok throughline`),
	}
})
