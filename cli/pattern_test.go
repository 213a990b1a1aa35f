package cli

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/throughline/throughline/journal"
)

// patternList runs pattern list --json (with args) and decodes it.
func patternList(t *testing.T, db string, args ...string) []patternJSON {
	t.Helper()
	out := mustCLI(t, db, "", append([]string{"pattern", "list", "--json"}, args...)...)
	var patterns []patternJSON
	if err := json.Unmarshal([]byte(out), &patterns); err != nil {
		t.Fatalf("pattern list --json printed something that is not a JSON array of patterns: %v\n%s", err, out)
	}
	return patterns
}

// patternNamed finds a pattern in pattern list --json --all by its exact name.
func patternNamed(t *testing.T, db, name string) (patternJSON, bool) {
	t.Helper()
	all := patternList(t, db, "--all")
	i := slices.IndexFunc(all, func(p patternJSON) bool { return p.Name == name })
	if i < 0 {
		return patternJSON{}, false
	}
	return all[i], true
}

// entryPatterns maps each entry's title to its sorted pattern names.
func entryPatterns(t *testing.T, db string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, e := range listJSON(t, db) {
		out[e.Title] = normalized(e).Patterns
	}
	return out
}

// newVocabularyJournal makes a journal whose entries name seeded and own
// patterns: "both" names avoidance and denial, "avoidance only" and
// "denial only" one each, "none" nothing and "own" doom scrolling.
func newVocabularyJournal(t *testing.T) string {
	t.Helper()
	db := newJournal(t)
	addEntry(t, db, "", "--title", "both", "--pattern", "avoidance", "--pattern", "denial", "--mood", "4", "--emotion", "sad")
	addEntry(t, db, "", "--title", "avoidance only", "--pattern", "Avoidance", "--flag")
	addEntry(t, db, "", "--title", "denial only", "--pattern", "denial")
	addEntry(t, db, "", "--title", "none", "--body", "nothing named")
	addEntry(t, db, "", "--title", "own", "--pattern", "doom scrolling")
	return db
}

// refusal is a command that must be refused without changing anything.
type refusal struct {
	name     string
	args     []string
	wantCode int
	wantErr  string
	opens    bool // only known once the journal is open
}

// assertRefusals runs each case on a journal made by setup and checks it
// is refused and changes nothing; then on a missing journal, and checks
// that nothing is created there.
func assertRefusals(t *testing.T, setup func(t *testing.T) string, cases []refusal) {
	t.Helper()
	isolateJournalLocation(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			db := setup(t)
			before := snapshot(t, db)
			out, errOut, code := runCLI(t, db, "", tt.args...)
			assertFailure(t, out, errOut, code, tt.wantCode, tt.wantErr)
			assertSameState(t, before, snapshot(t, db))
		})
		t.Run(tt.name+" with no journal", func(t *testing.T) {
			wantCode, wantErr := tt.wantCode, tt.wantErr
			if tt.opens {
				if slices.Contains(tt.args, "add") {
					t.Skip("add creates the journal before it can know the name is taken")
				}
				wantCode, wantErr = exitError, "There is no journal"
			}
			dir := filepath.Join(t.TempDir(), "journal folder")
			out, errOut, code := runCLI(t, filepath.Join(dir, "journal.db"), "", tt.args...)
			assertFailure(t, out, errOut, code, wantCode, wantErr)
			assertMissing(t, dir)
		})
	}
}

func TestCLI_PatternList(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)

	out, errOut, code := runCLI(t, db, "", "pattern", "list")
	assertFailure(t, out, errOut, code, exitError, "There is no journal")
	assertMissing(t, db)

	mustCLI(t, db, "", "pattern", "add", "Doom scrolling", "--colour", "#3a7bd5", "--description", "Scrolling instead of feeling.")
	mustCLI(t, db, "", "pattern", "add", "Going blank", "--category", "defense")
	mustCLI(t, db, "", "pattern", "archive", "humour")

	all := patternList(t, db, "--all")
	if len(all) != len(journal.StarterPatterns)+2 {
		t.Fatalf("pattern list --json --all has %d patterns, want the %d seeded and 2 added", len(all), len(journal.StarterPatterns))
	}
	// Grouped by category, in the order they were added within each.
	rank := func(p patternJSON) int { return slices.Index(journal.Categories, p.Category) }
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if rank(a) < 0 || rank(a) > rank(b) || rank(a) == rank(b) && a.ID > b.ID {
			t.Errorf("pattern list --json: %q (%s, %d) comes before %q (%s, %d)", a.Name, a.Category, a.ID, b.Name, b.Category, b.ID)
		}
	}
	byName := map[string]patternJSON{}
	for _, p := range all {
		byName[p.Name] = p
	}
	for name, want := range map[string]patternJSON{
		"people-pleasing": {ID: 1, Name: "people-pleasing", Category: "relationship", Description: "Putting others' wishes first to be liked or to avoid upsetting them."},
		"humour":          {ID: 24, Name: "humour", Category: "defense", Description: "Joking to keep a painful feeling at a distance.", Archived: true, Adaptive: true},
		"sublimation":     {ID: 25, Name: "sublimation", Category: "defense", Description: "Turning a difficult feeling into something useful or creative.", Adaptive: true},
		"splitting":       {ID: 20, Name: "splitting", Category: "defense", Description: "Seeing people as all good or all bad, with nothing between."},
		"Doom scrolling":  {ID: 33, Name: "Doom scrolling", Category: "own", Description: "Scrolling instead of feeling.", Colour: "#3a7bd5"},
		"Going blank":     {ID: 34, Name: "Going blank", Category: "defense"},
	} {
		if got := byName[name]; got != want {
			t.Errorf("pattern list --json --all: %+v, want %+v", got, want)
		}
	}
	if all[len(all)-1].Name != "Doom scrolling" {
		t.Errorf("the last pattern is %q, want the own pattern after every seeded category", all[len(all)-1].Name)
	}

	tests := []struct {
		name    string
		args    []string // after "pattern list"
		want    []string // lines, in this order
		notWant []string
	}{
		{"text", nil,
			[]string{"Relationship patterns", "  people-pleasing — Putting others' wishes first", "", "Emotional patterns", "  rumination — ",
				"", "Defenses", "  denial — Not letting myself take in", "  sublimation (adaptive) — Turning", "  Going blank", "", "My own", "  Doom scrolling (#3a7bd5) — Scrolling instead of feeling."},
			[]string{"humour", "archived"}},
		{"--all marks archived ones", []string{"--all"},
			[]string{"Defenses", "  humour (adaptive, archived) — Joking", "  Going blank", "My own"}, nil},
		{"--db after --all", []string{"--all", "--db", db},
			[]string{"  humour (adaptive, archived)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := mustCLI(t, db, "", append([]string{"pattern", "list"}, tt.args...)...)
			lines := strings.Split(out, "\n")
			at := 0
			for _, w := range tt.want {
				i := slices.IndexFunc(lines[at:], func(l string) bool { return l == w || w != "" && strings.HasPrefix(l, w) })
				if i < 0 {
					t.Fatalf("pattern list %s: no line %q after line %d:\n%s", strings.Join(tt.args, " "), w, at, out)
				}
				at += i + 1
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("pattern list %s shows %q:\n%s", strings.Join(tt.args, " "), w, out)
				}
			}
			for _, p := range all {
				if !p.Archived || slices.Contains(tt.args, "--all") {
					if !strings.Contains(out, "  "+p.Name) {
						t.Errorf("pattern list %s does not show %q", strings.Join(tt.args, " "), p.Name)
					}
				}
			}
		})
	}

	// JSON leaves archived ones out unless asked, in the same order.
	offered := slices.DeleteFunc(slices.Clone(all), func(p patternJSON) bool { return p.Archived })
	for _, args := range [][]string{nil, {"--json"}} {
		if got := patternList(t, db, args...); !reflect.DeepEqual(got, offered) {
			t.Errorf("pattern list --json %s = %+v, want every pattern but the archived one", strings.Join(args, " "), got)
		}
	}
	if got := patternList(t, db, "--all"); !reflect.DeepEqual(got, all) {
		t.Errorf("pattern list --json --all changed between runs")
	}
}

func TestCLI_PatternListJSONFieldNames(t *testing.T) {
	isolateJournalLocation(t)
	db := newJournal(t)
	mustCLI(t, db, "", "pattern", "add", "x", "--colour", "#000000")
	var listed []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustCLI(t, db, "", "pattern", "list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	want := []string{"adaptive", "archived", "category", "colour", "description", "id", "name"}
	for _, obj := range listed {
		var keys []string
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !reflect.DeepEqual(keys, want) {
			t.Fatalf("pattern list --json has fields %q, want exactly %q", keys, want)
		}
	}
	if first := listed[0]; string(first["colour"]) != `""` || string(first["archived"]) != "false" || string(first["id"]) != "1" {
		t.Errorf("pattern list --json first pattern: colour %s, archived %s, id %s; want \"\", false, 1", first["colour"], first["archived"], first["id"])
	}
	if out := mustCLI(t, db, "", "pattern", "archive", "x"); !strings.Contains(out, "Archived") {
		t.Fatalf("archive printed %q", out)
	}
	for _, p := range patternList(t, db) {
		if p.Archived {
			t.Errorf("pattern list --json without --all shows the archived %q", p.Name)
		}
	}
}

func TestCLI_PatternAdd(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name    string
		args    []string // after "pattern add"
		want    patternJSON
		wantOut string
	}{
		{"name only", []string{"Doom scrolling"},
			patternJSON{Name: "Doom scrolling", Category: "own"}, "Added the pattern “Doom scrolling” (category: own).\n"},
		{"spacing tidied", []string{"  Doom   scrolling "},
			patternJSON{Name: "Doom scrolling", Category: "own"}, "Added the pattern “Doom scrolling” (category: own).\n"},
		{"category, any case", []string{"Catastrophising", "--category", " Emotional "},
			patternJSON{Name: "Catastrophising", Category: "emotional"}, "Added the pattern “Catastrophising” (category: emotional).\n"},
		{"empty category is own", []string{"x", "--category", ""}, patternJSON{Name: "x", Category: "own"}, ""},
		{"description and colour", []string{"Doom scrolling", "--description", " Scrolling instead of feeling. ", "--colour", "#3A7BD5"},
			patternJSON{Name: "Doom scrolling", Category: "own", Description: "Scrolling instead of feeling.", Colour: "#3a7bd5"}, ""},
		{"colour none", []string{"x", "--colour", "none"}, patternJSON{Name: "x", Category: "own"}, ""},
		{"flags before the name", []string{"--category", "defense", "--colour", "#000000", "Going blank"},
			patternJSON{Name: "Going blank", Category: "defense", Colour: "#000000"}, ""},
		{"flags with =", []string{"--category=relationship", "Keeping score", "--description=Counting who did what."},
			patternJSON{Name: "Keeping score", Category: "relationship", Description: "Counting who did what."}, ""},
		{"unicode", []string{"הימנעות"}, patternJSON{Name: "הימנעות", Category: "own"}, "Added the pattern “הימנעות” (category: own).\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newJournal(t)
			out := mustCLI(t, db, "", append([]string{"pattern", "add"}, tt.args...)...)
			if tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("pattern add printed %q, want %q", out, tt.wantOut)
			}
			assertExists(t, db) // add makes the journal, like the first entry does
			patterns := patternList(t, db)
			want := tt.want
			want.ID = int64(len(journal.StarterPatterns)) + 1 // after the seeded ones
			if got := patterns[len(patterns)-1]; tt.want.Category == "own" && got != want {
				t.Errorf("pattern list --json ends with %+v, want %+v", got, want)
			}
			if got, ok := patternNamed(t, db, want.Name); !ok || got != want {
				t.Errorf("pattern list --json has %+v, want %+v", got, want)
			}
			// Entries find it by any spelling, without making another.
			id := addEntry(t, db, "", "--title", "T", "--pattern", strings.ToUpper(want.Name))
			if got := showJSON(t, db, id).Patterns; !reflect.DeepEqual(got, []string{want.Name}) {
				t.Errorf("an entry naming %q has patterns %q, want [%s]", strings.ToUpper(want.Name), got, want.Name)
			}
			if n := len(patternList(t, db)); n != len(journal.StarterPatterns)+1 {
				t.Errorf("%d patterns after adding one and naming it, want %d", n, len(journal.StarterPatterns)+1)
			}
		})
	}
}

func TestCLI_PatternRename(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name          string
		old, new      string
		was, becomes  string // the stored names before and after
		wantOut       string
		unchangedName bool // the new name only differs in case
	}{
		{"seeded, typed another way", "Avoidance", "steering clear", "avoidance", "steering clear",
			"Renamed “avoidance” to “steering clear”. Entries that named it keep it under the new name.\n", false},
		{"own pattern", "Doom-Scrolling", "doom scrolling at night", "doom scrolling", "doom scrolling at night", "", false},
		{"only the case", "denial", "Denial", "denial", "Denial", "", true},
		{"spacing tidied", "avoidance", "  steering   clear ", "avoidance", "steering clear", "", false},
		{"unused pattern", "humour", "joking it off", "humour", "joking it off", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newVocabularyJournal(t)
			entriesBefore := listJSON(t, db)
			patternBefore, _ := patternNamed(t, db, tt.was)
			count := len(patternList(t, db, "--all"))

			out := mustCLI(t, db, "", "pattern", "rename", tt.old, tt.new)
			if tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("pattern rename printed %q, want %q", out, tt.wantOut)
			}

			// The same pattern under its new name, nothing else changed.
			want := patternBefore
			want.Name = tt.becomes
			if got, ok := patternNamed(t, db, tt.becomes); !ok || got != want {
				t.Errorf("after rename, pattern %+v, want %+v", got, want)
			}
			if _, ok := patternNamed(t, db, tt.was); ok && !tt.unchangedName {
				t.Errorf("pattern %q is still listed after renaming it", tt.was)
			}
			if n := len(patternList(t, db, "--all")); n != count {
				t.Errorf("%d patterns after rename, want %d", n, count)
			}
			// Every entry keeps its links, under the new name.
			entriesAfter := listJSON(t, db)
			if len(entriesAfter) != len(entriesBefore) {
				t.Fatalf("%d entries after rename, want %d", len(entriesAfter), len(entriesBefore))
			}
			for i, e := range entriesBefore {
				for j, p := range e.Patterns {
					if p == tt.was {
						e.Patterns[j] = tt.becomes
					}
				}
				if !reflect.DeepEqual(normalized(entriesAfter[i]), normalized(e)) {
					t.Errorf("entry %q after rename:\n got %+v\nwant %+v", e.Title, entriesAfter[i], e)
				}
			}
		})
	}
}

func TestCLI_PatternRecolour(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name    string
		from    string // the colour before, "" for the category's
		colour  string
		want    string
		wantOut string
	}{
		{"a colour", "", "#3a7bd5", "#3a7bd5", "“denial” is now #3a7bd5.\n"},
		{"capitals are stored small", "", "#ABCDEF", "#abcdef", "“denial” is now #abcdef.\n"},
		{"another colour", "#3a7bd5", "#000000", "#000000", ""},
		{"none resets", "#3a7bd5", "none", "", "“denial” has its category's colour again.\n"},
		{"NONE resets", "#3a7bd5", "NONE", "", ""},
		{"empty resets", "#3a7bd5", "", "", ""},
		{"none when there was none", "", "none", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newVocabularyJournal(t)
			if tt.from != "" {
				mustCLI(t, db, "", "pattern", "recolour", "denial", tt.from)
			}
			entries := mustCLI(t, db, "", "list", "--json")
			want, _ := patternNamed(t, db, "denial")
			want.Colour = tt.want

			out := mustCLI(t, db, "", "pattern", "recolour", "Denial", tt.colour)
			if tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("pattern recolour printed %q, want %q", out, tt.wantOut)
			}
			if got, _ := patternNamed(t, db, "denial"); got != want {
				t.Errorf("after recolour, %+v, want %+v", got, want)
			}
			if after := mustCLI(t, db, "", "list", "--json"); after != entries {
				t.Errorf("recolouring changed the entries:\nbefore %s\nafter  %s", entries, after)
			}
		})
	}
}

func TestCLI_PatternMerge(t *testing.T) {
	isolateJournalLocation(t)
	tests := []struct {
		name, from, into string
		gone, kept       string              // stored names
		want             map[string][]string // each entry's patterns after
		wantOut          string
	}{
		{"seeded into seeded", "Avoidance", "DENIAL", "avoidance", "denial",
			map[string][]string{"both": {"denial"}, "avoidance only": {"denial"}, "denial only": {"denial"}, "none": nil, "own": {"doom scrolling"}},
			"Merged “avoidance” into “denial”. The 2 entries that named “avoidance” now name “denial”.\n"},
		{"own into seeded", "doom-scrolling", "avoidance", "doom scrolling", "avoidance",
			map[string][]string{"both": {"avoidance", "denial"}, "avoidance only": {"avoidance"}, "denial only": {"denial"}, "none": nil, "own": {"avoidance"}},
			"Merged “doom scrolling” into “avoidance”. The entry that named “doom scrolling” now names “avoidance”.\n"},
		{"seeded into own", "denial", "doom scrolling", "denial", "doom scrolling",
			map[string][]string{"both": {"avoidance", "doom scrolling"}, "avoidance only": {"avoidance"}, "denial only": {"doom scrolling"}, "none": nil, "own": {"doom scrolling"}},
			""},
		{"unused pattern", "humour", "denial", "humour", "denial",
			map[string][]string{"both": {"avoidance", "denial"}, "avoidance only": {"avoidance"}, "denial only": {"denial"}, "none": nil, "own": {"doom scrolling"}},
			"Merged “humour” into “denial”. No entries named “humour”.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newVocabularyJournal(t)
			entriesBefore := listJSON(t, db)
			keptBefore, _ := patternNamed(t, db, tt.kept)
			count := len(patternList(t, db, "--all"))

			out := mustCLI(t, db, "", "pattern", "merge", tt.from, tt.into)
			if tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("pattern merge printed %q, want %q", out, tt.wantOut)
			}
			if !strings.HasPrefix(out, "Merged “"+tt.gone+"” into “"+tt.kept+"”.") {
				t.Errorf("pattern merge printed %q, want it to start with the two names", out)
			}

			if got := entryPatterns(t, db); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("entries' patterns after merge:\n got %q\nwant %q", got, tt.want)
			}
			// Nothing else about the entries changed.
			entriesAfter := listJSON(t, db)
			for i, e := range entriesBefore {
				e.Patterns = tt.want[e.Title]
				if !reflect.DeepEqual(normalized(entriesAfter[i]), normalized(e)) {
					t.Errorf("entry %q after merge:\n got %+v\nwant %+v", e.Title, entriesAfter[i], e)
				}
			}
			if _, ok := patternNamed(t, db, tt.gone); ok {
				t.Errorf("%q is still a pattern after merging it", tt.gone)
			}
			if got, _ := patternNamed(t, db, tt.kept); got != keptBefore {
				t.Errorf("the pattern merged into changed: %+v, was %+v", got, keptBefore)
			}
			if n := len(patternList(t, db, "--all")); n != count-1 {
				t.Errorf("%d patterns after merge, want %d", n, count-1)
			}
		})
	}
}

func TestCLI_PatternArchive(t *testing.T) {
	isolateJournalLocation(t)
	db := newVocabularyJournal(t)
	entries := mustCLI(t, db, "", "list", "--json")
	steps := []struct {
		name     string
		args     []string // after "pattern archive"
		want     string
		archived bool
	}{
		{"archive", []string{"Avoidance"},
			"Archived “avoidance”: it is no longer offered, and entries that name it keep it. Undo with: throughline pattern archive \"avoidance\" --undo\n", true},
		{"archive again", []string{"avoidance"}, "“avoidance” was already archived.\n", true},
		{"undo", []string{"--undo", "avoidance"}, "“avoidance” is offered again.\n", false},
		{"undo again", []string{"avoidance", "--undo"}, "“avoidance” is not archived; there is nothing to undo.\n", false},
		{"archive with --undo=false", []string{"avoidance", "--undo=false"}, "Archived “avoidance”", true},
		{"--undo=true", []string{"avoidance", "--undo=true"}, "“avoidance” is offered again.\n", false},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			out := mustCLI(t, db, "", append([]string{"pattern", "archive"}, s.args...)...)
			if !strings.HasPrefix(out, s.want) {
				t.Errorf("pattern archive %s printed %q, want %q", strings.Join(s.args, " "), out, s.want)
			}
			p, _ := patternNamed(t, db, "avoidance")
			if p.Archived != s.archived {
				t.Errorf("after pattern archive %s, archived = %v, want %v", strings.Join(s.args, " "), p.Archived, s.archived)
			}
			offered := slices.ContainsFunc(patternList(t, db), func(p patternJSON) bool { return p.Name == "avoidance" })
			if offered == s.archived {
				t.Errorf("pattern list --json shows avoidance: %v, want %v", offered, !s.archived)
			}
			// Entries keep the pattern either way.
			if after := mustCLI(t, db, "", "list", "--json"); after != entries {
				t.Errorf("archiving changed the entries:\nbefore %s\nafter  %s", entries, after)
			}
		})
	}
	t.Run("archiving what is archived changes nothing", func(t *testing.T) {
		mustCLI(t, db, "", "pattern", "archive", "humour")
		before := snapshot(t, db)
		mustCLI(t, db, "", "pattern", "archive", "humour")
		assertSameState(t, before, snapshot(t, db))
	})
}

func TestCLI_PatternBadInputLeavesJournalUnchanged(t *testing.T) {
	setup := func(t *testing.T) string {
		db := newVocabularyJournal(t)
		mustCLI(t, db, "", "pattern", "archive", "humour")
		mustCLI(t, db, "", "pattern", "recolour", "denial", "#3a7bd5")
		return db
	}
	assertRefusals(t, setup, []refusal{
		// add: the name
		{"add a seeded name in capitals", []string{"pattern", "add", "DENIAL"}, exitUsage, "There is already a pattern called “DENIAL”", true},
		{"add a seeded name spelled another way", []string{"pattern", "add", "People Pleasing"}, exitUsage, "already a pattern called", true},
		{"add an own name with a hyphen", []string{"pattern", "add", "Doom-Scrolling"}, exitUsage, "already a pattern called", true},
		{"add an archived name", []string{"pattern", "add", "Humour", "--category", "defense"}, exitUsage, "already a pattern called", true},
		{"add a blank name", []string{"pattern", "add", "  "}, exitUsage, "A pattern needs a name", false},
		{"add a name with #", []string{"pattern", "add", "#sad"}, exitUsage, "leave out '#' and ','", false},
		{"add a name with a comma", []string{"pattern", "add", "this, that"}, exitUsage, "leave out '#' and ','", false},
		{"add without a name", []string{"pattern", "add", "--category", "own"}, exitUsage, "pattern add needs a name", false},
		{"add an unquoted name", []string{"pattern", "add", "doom", "scrolling"}, exitUsage, "Put a name with spaces in quotes", false},
		// add: the flags
		{"add a bad category", []string{"pattern", "add", "x", "--category", "vibes"}, exitUsage, `"vibes" is not a pattern category`, false},
		{"add a category's title", []string{"pattern", "add", "x", "--category", "Defenses"}, exitUsage, "is not a pattern category", false},
		{"add a colour by name", []string{"pattern", "add", "x", "--colour", "blue"}, exitUsage, `"blue" is not a colour`, false},
		{"add a short colour", []string{"pattern", "add", "x", "--colour", "#12345"}, exitUsage, "is not a colour", false},
		{"add a colour with no #", []string{"pattern", "add", "x", "--colour", "3a7bd5"}, exitUsage, "is not a colour", false},
		{"add a colour with bad digits", []string{"pattern", "add", "x", "--colour", "#gggggg"}, exitUsage, "is not a colour", false},
		{"add a colour with alpha", []string{"pattern", "add", "x", "--colour", "#3a7bd5ff"}, exitUsage, "is not a colour", false},
		{"add a bad category and a taken name", []string{"pattern", "add", "denial", "--category", "vibes"}, exitUsage, "is not a pattern category", false},
		{"add an unknown flag", []string{"pattern", "add", "x", "--role", "friend"}, exitUsage, "-role", false},
		// rename
		{"rename an unknown pattern", []string{"pattern", "rename", "nope", "x"}, exitError, "There is no pattern called “nope”", true},
		{"rename onto another, in capitals", []string{"pattern", "rename", "avoidance", "DENIAL"}, exitUsage, "already a pattern called", true},
		{"rename onto another, spelled another way", []string{"pattern", "rename", "denial", "doom_scrolling"}, exitUsage, "already a pattern called", true},
		{"rename onto an archived one", []string{"pattern", "rename", "denial", "humour"}, exitUsage, "already a pattern called", true},
		{"rename to blank", []string{"pattern", "rename", "avoidance", " "}, exitUsage, "A pattern needs a name", false},
		{"rename to a name with #", []string{"pattern", "rename", "avoidance", "a#b"}, exitUsage, "leave out '#'", false},
		{"rename without a new name", []string{"pattern", "rename", "avoidance"}, exitUsage, "pattern rename needs the old name and the new one", false},
		{"rename without names", []string{"pattern", "rename"}, exitUsage, "pattern rename needs", false},
		{"rename with three names", []string{"pattern", "rename", "avoidance", "steering", "clear"}, exitUsage, "pattern rename needs", false},
		// recolour
		{"recolour an unknown pattern", []string{"pattern", "recolour", "nope", "#3a7bd5"}, exitError, "There is no pattern called “nope”", true},
		{"recolour by name", []string{"pattern", "recolour", "denial", "red"}, exitUsage, `"red" is not a colour`, false},
		{"recolour short", []string{"pattern", "recolour", "denial", "#3a7bd"}, exitUsage, "is not a colour", false},
		{"recolour an unknown pattern a bad colour", []string{"pattern", "recolour", "nope", "red"}, exitUsage, "is not a colour", false},
		{"recolour without a colour", []string{"pattern", "recolour", "denial"}, exitUsage, "pattern recolour needs a pattern and a colour", false},
		{"recolour with --colour", []string{"pattern", "recolour", "denial", "--colour", "#000000"}, exitUsage, "-colour", false},
		// merge
		{"merge into itself", []string{"pattern", "merge", "denial", "denial"}, exitUsage, "can't be merged into itself", false},
		{"merge into itself, spelled another way", []string{"pattern", "merge", "People Pleasing", "people-pleasing"}, exitUsage, "can't be merged into itself", false},
		{"merge an unknown pattern", []string{"pattern", "merge", "nope", "denial"}, exitError, "There is no pattern called “nope”", true},
		{"merge into an unknown pattern", []string{"pattern", "merge", "denial", "nope"}, exitError, "There is no pattern called “nope”", true},
		{"merge without into", []string{"pattern", "merge", "avoidance"}, exitUsage, "pattern merge needs the pattern to fold in and the one to keep", false},
		{"merge three", []string{"pattern", "merge", "avoidance", "denial", "humour"}, exitUsage, "pattern merge needs", false},
		// archive
		{"archive an unknown pattern", []string{"pattern", "archive", "nope"}, exitError, "There is no pattern called “nope”", true},
		{"undo an unknown pattern", []string{"pattern", "archive", "nope", "--undo"}, exitError, "There is no pattern called “nope”", true},
		{"archive without a name", []string{"pattern", "archive"}, exitUsage, "pattern archive needs the pattern's name", false},
		{"archive --undo=maybe", []string{"pattern", "archive", "humour", "--undo=maybe"}, exitUsage, "-undo", false},
		// list
		{"list a stray argument", []string{"pattern", "list", "defense"}, exitUsage, `pattern list: unexpected "defense"`, false},
		{"list an unknown flag", []string{"pattern", "list", "--since", "2026-01-01"}, exitUsage, "-since", false},
		// the sub-command
		{"no sub-command", []string{"pattern"}, exitUsage, "pattern needs one of: list, add, rename, recolour, merge, archive or to-emotion", false},
		{"unknown sub-command", []string{"pattern", "delete", "denial"}, exitUsage, `"delete" is not a pattern command. Use one of: list, add, rename, recolour, merge, archive or to-emotion`, false},
		{"sub-command in capitals", []string{"pattern", "LIST"}, exitUsage, `"LIST" is not a pattern command`, false},
		{"a verb's flag before the verb", []string{"pattern", "--json", "list"}, exitUsage, "-json", false},
	})
}

func TestCLI_PatternHelp(t *testing.T) {
	isolateJournalLocation(t)
	db := filepath.Join(t.TempDir(), "not yet", "journal.db")
	help := mustCLI(t, db, "", "help")
	var patternArgs string
	for _, cmd := range commands {
		if cmd.name == "pattern" {
			patternArgs = cmd.args
		}
	}
	for _, sub := range patternCommands {
		t.Run(sub.name, func(t *testing.T) {
			// help lists every verb as its own usage says.
			if usage := sub.name + " " + sub.args; !strings.Contains(patternArgs, usage) || !strings.Contains(help, usage) {
				t.Errorf("help does not show %q:\n%s", usage, help)
			}
			out := mustCLI(t, db, "", "pattern", sub.name, "--help")
			want := "Usage: throughline pattern " + sub.name + " " + sub.args + "\n" + capitalise(sub.summary) + ".\n"
			if out != want {
				t.Errorf("pattern %s --help printed %q, want %q", sub.name, out, want)
			}
		})
	}
	for _, args := range [][]string{{"pattern", "--help"}, {"pattern", "-h"}} {
		out := mustCLI(t, db, "", args...)
		for _, sub := range patternCommands {
			if !strings.Contains(out, "throughline pattern "+sub.name+" "+sub.args+"\n") || !strings.Contains(out, sub.summary) {
				t.Errorf("%s does not show %s:\n%s", strings.Join(args, " "), sub.name, out)
			}
		}
	}
	assertMissing(t, filepath.Dir(db))
}

// TestCLI_PatternDBFlag: --db works before the group, after it and after
// the verb.
func TestCLI_PatternDBFlag(t *testing.T) {
	env := isolateJournalLocation(t)
	db := newJournal(t)
	steps := [][]string{
		{"--db", db, "pattern", "add", "one"},
		{"pattern", "--db", db, "add", "two"},
		{"pattern", "add", "three", "--db", db},
		{"pattern", "add", "--db=" + db, "four"},
	}
	for _, args := range steps {
		if _, errOut, code := runArgs(t, "", args...); code != exitOK {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
	var own []string
	for _, p := range patternList(t, db) {
		if p.Category == "own" {
			own = append(own, p.Name)
		}
	}
	if want := []string{"one", "two", "three", "four"}; !reflect.DeepEqual(own, want) {
		t.Errorf("own patterns %q, want %q", own, want)
	}
	assertMissing(t, filepath.Dir(env))
}
