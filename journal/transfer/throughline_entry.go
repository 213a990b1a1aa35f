package transfer

import (
	"encoding/base64"
	"strconv"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
)

// Entries are nearly all of an export. encoding/json spent most of a
// 100,000-entry export on reflection and on indenting its output a second
// time, so entries are written here directly, byte for byte as an Encoder
// without HTML escaping, indenting by two spaces, writes them
// (TestAppendEntryMatchesEncoder holds that).

// jsonObject writes the members of one JSON object, each on its own line
// at depth levels of two spaces below prefix.
type jsonObject struct {
	dst    []byte
	indent string // the line start of a member
	first  bool
}

func openObject(dst []byte, indent string) jsonObject {
	return jsonObject{dst: append(dst, '{'), indent: indent + "  ", first: true}
}

func (o *jsonObject) key(name string) {
	if !o.first {
		o.dst = append(o.dst, ',')
	}
	o.first = false
	o.dst = append(o.dst, '\n')
	o.dst = append(o.dst, o.indent...)
	o.dst = append(o.dst, '"')
	o.dst = append(o.dst, name...)
	o.dst = append(o.dst, `": `...)
}

func (o *jsonObject) int(name string, n int64) {
	o.key(name)
	o.dst = strconv.AppendInt(o.dst, n, 10)
}

func (o *jsonObject) string(name, s string) {
	o.key(name)
	o.dst = appendJSONString(o.dst, s)
}

// omitEmpty writes s unless it is "", as the tag omitempty does.
func (o *jsonObject) omitEmpty(name, s string) {
	if s != "" {
		o.string(name, s)
	}
}

// omitFalse writes true, and nothing for false, as the tag omitempty does.
func (o *jsonObject) omitFalse(name string, b bool) {
	if b {
		o.key(name)
		o.dst = append(o.dst, "true"...)
	}
}

func (o *jsonObject) strings(name string, list []string) {
	if len(list) == 0 {
		return
	}
	o.key(name)
	o.dst = append(o.dst, '[')
	for i, s := range list {
		o.listItem(i)
		o.dst = appendJSONString(o.dst, s)
	}
	o.closeList()
}

// listItem starts item i of a list the object is writing, on a line of
// its own.
func (o *jsonObject) listItem(i int) {
	if i > 0 {
		o.dst = append(o.dst, ',')
	}
	o.dst = append(o.dst, '\n')
	o.dst = append(o.dst, o.indent...)
	o.dst = append(o.dst, "  "...)
}

func (o *jsonObject) closeList() {
	o.dst = append(o.dst, '\n')
	o.dst = append(o.dst, o.indent...)
	o.dst = append(o.dst, ']')
}

func (o *jsonObject) close() []byte {
	if !o.first {
		o.dst = append(o.dst, '\n')
		o.dst = append(o.dst, o.indent[:len(o.indent)-2]...)
	}
	return append(o.dst, '}')
}

// appendEntry appends e as JSON, its lines after the first starting with
// prefix.
func appendEntry(dst []byte, e *journal.SnapshotEntry, prefix string) []byte {
	o := openObject(dst, prefix)
	o.int("id", e.ID)
	o.string("written_at", e.WrittenAt)
	o.string("written_zone", e.WrittenZone)
	o.string("created_at", e.CreatedAt)
	o.string("updated_at", e.UpdatedAt)
	o.string("kind", e.Kind)
	o.omitEmpty("title", e.Title)
	o.omitEmpty("body", e.Body)
	if e.Mood != 0 {
		o.int("mood", int64(e.Mood))
	}
	if e.Flagged {
		o.key("flagged")
		o.dst = append(o.dst, "true"...)
	}
	o.omitEmpty("source", e.Source)
	o.omitEmpty("source_id", e.SourceID)
	o.strings("emotions", e.Emotions)
	o.strings("patterns", e.Patterns)
	if len(e.GoalIDs) > 0 {
		o.key("goal_ids")
		o.dst = append(o.dst, '[')
		for i, id := range e.GoalIDs {
			o.listItem(i)
			o.dst = strconv.AppendInt(o.dst, id, 10)
		}
		o.closeList()
	}
	if len(e.Episodes) > 0 {
		o.key("episodes")
		o.dst = append(o.dst, '[')
		for i := range e.Episodes {
			o.listItem(i)
			o.dst = appendEpisode(o.dst, &e.Episodes[i], o.indent+"  ")
		}
		o.closeList()
	}
	if len(e.Attachments) > 0 {
		o.key("attachments")
		o.dst = append(o.dst, '[')
		for i := range e.Attachments {
			o.listItem(i)
			o.dst = appendAttachment(o.dst, &e.Attachments[i], o.indent+"  ")
		}
		o.closeList()
	}
	return o.close()
}

// appendAttachment writes a file's bytes in base64, as encoding/json
// writes a []byte.
func appendAttachment(dst []byte, a *journal.SnapshotAttachment, prefix string) []byte {
	o := openObject(dst, prefix)
	o.string("name", a.Name)
	o.string("media_type", a.MediaType)
	o.int("size", a.Size)
	o.string("sha256", a.SHA256)
	o.key("data")
	o.dst = append(o.dst, '"')
	o.dst = base64.StdEncoding.AppendEncode(o.dst, a.Data)
	o.dst = append(o.dst, '"')
	return o.close()
}

func appendEpisode(dst []byte, ep *journal.SnapshotEpisode, prefix string) []byte {
	o := openObject(dst, prefix)
	o.int("id", ep.ID)
	o.string("person", ep.Person)
	o.omitEmpty("wish", ep.Wish)
	o.omitEmpty("other_response", ep.OtherResponse)
	o.omitEmpty("self_response", ep.SelfResponse)
	o.omitEmpty("reminds", ep.Reminds)
	o.omitEmpty("earlier_person", ep.EarlierPerson)
	o.strings("emotions", ep.Emotions)
	o.strings("patterns", ep.Patterns)
	o.strings("wish_categories", ep.WishCategories)
	o.strings("other_categories", ep.OtherCategories)
	o.omitFalse("other_expected", ep.OtherExpected)
	o.omitEmpty("other_valence", ep.OtherValence)
	o.strings("self_categories", ep.SelfCategories)
	o.omitFalse("self_expected", ep.SelfExpected)
	o.omitEmpty("self_valence", ep.SelfValence)
	return o.close()
}

const jsonHex = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json does without HTML
// escaping: invalid UTF-8 becomes U+FFFD, and U+2028 and U+2029 are
// escaped for JavaScript's sake.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHex[b>>4], jsonHex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
