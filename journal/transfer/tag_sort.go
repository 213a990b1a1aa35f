package transfer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/throughline/throughline/journal"
)

// tagSort puts each imported tag where it belongs: a tag that names a
// feeling in the journal's emotion vocabulary (journal.FeelingFor)
// becomes that emotion; any other tag is a pattern. A tag that is
// already one of the journal's patterns stays a pattern, so a word a
// person turned from an emotion into a pattern stays where they put it.
type tagSort struct {
	emotions []string
	patterns map[string]bool  // NameKeys of the journal's patterns
	index    map[string]int32 // NameKey of a tag -> its place in tags
	tags     []sortedTag
	items    [][]int32 // each entry's tags, by place in tags, in the order handed on
}

// sortedTag is a tag as first spelled, and the emotion it names ("" for
// a pattern).
type sortedTag struct {
	spelling, emotion string
}

// vocabulary is what sorting tags needs of the journal.
type vocabulary interface {
	Emotions() ([]journal.Emotion, error)
	Patterns() ([]journal.Pattern, error)
}

func newTagSort(v vocabulary) (*tagSort, error) {
	emotions, err := v.Emotions()
	if err != nil {
		return nil, err
	}
	patterns, err := v.Patterns()
	if err != nil {
		return nil, err
	}
	s := &tagSort{patterns: map[string]bool{}, index: map[string]int32{}}
	for _, e := range emotions {
		s.emotions = append(s.emotions, e.Name)
	}
	for _, p := range patterns {
		s.patterns[journal.NameKey(p.Name)] = true
	}
	return s, nil
}

// sort moves the entry's tags that name feelings from its patterns to
// its emotions.
func (s *tagSort) sort(e *journal.Entry) {
	var patterns []string
	var places []int32
	for _, tag := range e.Patterns {
		key := journal.NameKey(tag)
		i, seen := s.index[key]
		if !seen {
			t := sortedTag{spelling: tag}
			if !s.patterns[key] {
				t.emotion, _ = journal.FeelingFor(tag, s.emotions)
			}
			i = int32(len(s.tags))
			s.index[key] = i
			s.tags = append(s.tags, t)
		}
		places = append(places, i)
		if emotion := s.tags[i].emotion; emotion != "" {
			e.Emotions = append(e.Emotions, emotion)
		} else {
			patterns = append(patterns, tag)
		}
	}
	e.Patterns = patterns
	s.items = append(s.items, places)
}

// count says in sum how many different tags of the entries added (not
// skipped) became emotions and how many patterns, and which words the
// emotions were found from.
func (s *tagSort) count(sum *Summary, skipped []journal.Skipped) {
	left := map[int]bool{}
	for _, k := range skipped {
		left[k.Item] = true
	}
	used := make([]bool, len(s.tags))
	for n, places := range s.items {
		if !left[n+1] {
			for _, i := range places {
				used[i] = true
			}
		}
	}
	found := map[string][]string{} // emotion -> the tags that named it
	for i, t := range s.tags {
		switch {
		case !used[i]:
		case t.emotion == "":
			sum.TagsAsPatterns++
		default:
			sum.TagsAsEmotions++
			found[t.emotion] = append(found[t.emotion], t.spelling)
		}
	}
	for emotion, tags := range found {
		if len(tags) == 1 && tags[0] == emotion {
			sum.FeelingTags = append(sum.FeelingTags, emotion)
		} else {
			sum.FeelingTags = append(sum.FeelingTags, strings.Join(tags, ", ")+" → "+emotion)
		}
	}
	slices.SortFunc(sum.FeelingTags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
}

// TagNote says how many of the tags became emotions and how many
// patterns, or "" when there were no tags.
func (sum Summary) TagNote() string {
	if sum.TagsAsEmotions+sum.TagsAsPatterns == 0 {
		return ""
	}
	note := fmt.Sprintf("Tags that name a feeling became emotions: %d", sum.TagsAsEmotions)
	if len(sum.FeelingTags) > 0 {
		note += " (" + strings.Join(sum.FeelingTags, "; ") + ")"
	}
	return note + fmt.Sprintf(". Tags that became patterns: %d. In Vocabulary you can turn a pattern into an emotion, and back.", sum.TagsAsPatterns)
}
