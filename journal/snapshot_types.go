package journal

// Snapshot is the whole journal as plain values, every id kept: what a
// lossless export holds and what Restore writes into an empty journal.
// Lists are in id order (settings by key), so two snapshots of the same
// journal are equal. Entries and episodes name their emotions, patterns
// and people, which are unique by NameKey; goals are named by id.
//
// Times are RFC 3339 text. A moment a person dated (an entry, a session,
// a check-in, a questionnaire) keeps the offset it was written in; an
// offset with seconds, as zones had before standard time, is written
// with its seconds ("+00:53:28"). Times the journal records itself
// (created, updated, done) are UTC with milliseconds.
type Snapshot struct {
	Emotions []SnapshotEmotion `json:"emotions"`
	Patterns []SnapshotPattern `json:"patterns"`
	People   []SnapshotPerson  `json:"people"`
	Goals    []SnapshotGoal    `json:"goals"`
	CheckIns []SnapshotCheckIn `json:"checkins"`
	// MoodCheckIns are moods noted without an entry; older exports have none.
	MoodCheckIns []SnapshotMoodCheckIn `json:"mood_checkins,omitempty"`
	Sessions     []SnapshotSession     `json:"sessions"`
	Measures     []SnapshotMeasure     `json:"measures"`
	Settings     []SnapshotSetting     `json:"settings"`
	Entries      []SnapshotEntry       `json:"entries"`

	HiddenWords []string `json:"hidden_words,omitempty"` // one-off words hidden in redacted reports
}

// SnapshotEmotion is a word of the emotion vocabulary.
type SnapshotEmotion struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Family      string `json:"family"` // one of EmotionFamilies
	Description string `json:"description,omitempty"`
}

// SnapshotPattern is a pattern of the vocabulary, seeded or not.
type SnapshotPattern struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Category    string `json:"category"` // one of Categories
	Description string `json:"description,omitempty"`
	Colour      string `json:"colour,omitempty"` // "#rrggbb", or none for the category's
	Archived    bool   `json:"archived,omitempty"`
	Adaptive    bool   `json:"adaptive,omitempty"`
}

// SnapshotPerson is someone in the people list.
type SnapshotPerson struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Role    string   `json:"role"` // one of Roles
	Aliases []string `json:"aliases,omitempty"`
}

// SnapshotGoal is a goal; a sub-goal names its parent.
type SnapshotGoal struct {
	ID          int64  `json:"id"`
	ParentID    int64  `json:"parent_id,omitempty"` // none for a main goal
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Priority    int    `json:"priority"`
	Status      string `json:"status"` // active, completed or archived
	CreatedAt   string `json:"created_at"`
	DoneAt      string `json:"done_at,omitempty"` // when completed or archived
}

// SnapshotMoodCheckIn is a mood noted without an entry, with the
// feelings named, by name, from the export's emotions.
type SnapshotMoodCheckIn struct {
	ID       int64    `json:"id"`
	At       string   `json:"at"`
	Zone     string   `json:"zone"`
	Mood     int      `json:"mood"`
	Emotions []string `json:"emotions,omitempty"`
}

// SnapshotCheckIn is a dated rating of a goal, 0 to MaxRating.
type SnapshotCheckIn struct {
	ID     int64  `json:"id"`
	GoalID int64  `json:"goal_id"`
	At     string `json:"at"`
	Rating int    `json:"rating"`
	Note   string `json:"note,omitempty"`
}

// SnapshotSession is a therapy session with its questions, in order.
type SnapshotSession struct {
	ID        int64              `json:"id"`
	At        string             `json:"at"`
	Zone      string             `json:"zone"` // the zone At was given in, such as "Europe/Berlin"
	Format    string             `json:"format"`
	Approach  string             `json:"approach"`
	Takeaways string             `json:"takeaways,omitempty"`
	Questions []SnapshotQuestion `json:"questions,omitempty"`
	NewCourse bool               `json:"new_course,omitempty"` // starts a new course of dynamic interpersonal therapy
}

// SnapshotQuestion is something to bring to the next session.
type SnapshotQuestion struct {
	ID   int64  `json:"id"`
	Text string `json:"text"`
	Done bool   `json:"done,omitempty"`
}

// SnapshotMeasure is a questionnaire answered on a day; its score and
// band follow from the answers.
type SnapshotMeasure struct {
	ID         int64  `json:"id"`
	Instrument string `json:"instrument"` // "phq9" or "gad7"
	At         string `json:"at"`
	Answers    []int  `json:"answers"`
	Difficulty *int   `json:"difficulty,omitempty"` // the last question's answer, 0 to 3, when given
}

// SnapshotSetting is one setting, such as SettingCrisisLine.
type SnapshotSetting struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// SnapshotEntry is an entry with everything linked to it.
type SnapshotEntry struct {
	ID          int64                `json:"id"`
	WrittenAt   string               `json:"written_at"`
	WrittenZone string               `json:"written_zone"` // the zone it was written in, such as "Europe/Berlin"
	CreatedAt   string               `json:"created_at"`
	UpdatedAt   string               `json:"updated_at"`
	Kind        string               `json:"kind"`
	Title       string               `json:"title,omitempty"`
	Body        string               `json:"body,omitempty"`
	Mood        int                  `json:"mood,omitempty"` // MinMood..MaxMood; none when not rated
	Flagged     bool                 `json:"flagged,omitempty"`
	Source      string               `json:"source,omitempty"`    // the journal it was imported from
	SourceID    string               `json:"source_id,omitempty"` // its id there
	Emotions    []string             `json:"emotions,omitempty"`
	Patterns    []string             `json:"patterns,omitempty"`
	GoalIDs     []int64              `json:"goal_ids,omitempty"`
	Episodes    []SnapshotEpisode    `json:"episodes,omitempty"`
	Attachments []SnapshotAttachment `json:"attachments,omitempty"`
}

// SnapshotAttachment is a file an entry holds, its bytes whole (base64
// in JSON), so an export is still one file; the import checks them
// against sha256. Same bytes in two entries are written twice and
// stored once again on import.
type SnapshotAttachment struct {
	Name      string `json:"name"`
	MediaType string `json:"media_type"` // for other programs reading the export; the import reads the bytes
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	Data      []byte `json:"data"`
}

// SnapshotEpisode is a relationship episode of an entry, in the order written.
type SnapshotEpisode struct {
	ID            int64    `json:"id"`
	Person        string   `json:"person"`
	Wish          string   `json:"wish,omitempty"`
	OtherResponse string   `json:"other_response,omitempty"`
	SelfResponse  string   `json:"self_response,omitempty"`
	Reminds       string   `json:"reminds,omitempty"`
	EarlierPerson string   `json:"earlier_person,omitempty"`
	Emotions      []string `json:"emotions,omitempty"`
	Patterns      []string `json:"patterns,omitempty"`
	// The CCRT categories and how each response was; none in an export
	// made before episodes had them.
	WishCategories  []string `json:"wish_categories,omitempty"`
	OtherCategories []string `json:"other_categories,omitempty"`
	OtherExpected   bool     `json:"other_expected,omitempty"`
	OtherValence    string   `json:"other_valence,omitempty"`
	SelfCategories  []string `json:"self_categories,omitempty"`
	SelfExpected    bool     `json:"self_expected,omitempty"`
	SelfValence     string   `json:"self_valence,omitempty"`
}

// CCRT is the episode's categories as an episode holds them.
func (ep *SnapshotEpisode) CCRT() CCRT {
	return CCRT{Wishes: ep.WishCategories,
		Other: Response{Categories: ep.OtherCategories, Expected: ep.OtherExpected, Valence: Valence(ep.OtherValence)},
		Self:  Response{Categories: ep.SelfCategories, Expected: ep.SelfExpected, Valence: Valence(ep.SelfValence)}}
}

// SetCCRT puts an episode's categories into the snapshot's fields.
func (ep *SnapshotEpisode) SetCCRT(c CCRT) {
	ep.WishCategories, ep.OtherCategories, ep.SelfCategories = c.Wishes, c.Other.Categories, c.Self.Categories
	ep.OtherExpected, ep.OtherValence = c.Other.Expected, string(c.Other.Valence)
	ep.SelfExpected, ep.SelfValence = c.Self.Expected, string(c.Self.Valence)
}
