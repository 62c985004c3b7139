// Word lists for the forum's seeded dataset: forum groups (each a topic with candidate forums and nouns),
// post title templates, comment phrases and username parts. A seed picks FORUMS_PER_GROUP forums per group.

export interface ForumSpec {
  name: string;
  description: string;
}

export interface GroupSpec {
  group: string;
  forums: ForumSpec[];
  nouns: string[];
}

export const GROUPS: GroupSpec[] = [
  {
    group: 'Science',
    forums: [
      { name: 'askscience', description: 'Ask a science question, get a science answer.' },
      { name: 'space', description: 'News and discussion about space, rockets and the night sky.' },
      { name: 'chemistry', description: 'Reactions, lab safety and everything about molecules.' },
      { name: 'biology', description: 'Life sciences, from cells to ecosystems.' },
      { name: 'Physics', description: 'Classical, quantum and everything in between.' },
      { name: 'geology', description: 'Rocks, minerals, volcanoes and plate tectonics.' },
      { name: 'Astronomy', description: 'Telescopes, observations and the universe.' },
    ],
    nouns: ['black holes', 'telescope', 'microscope', 'lab notebook', 'periodic table', 'comet', 'fossil', 'volcano', 'DNA sequencing', 'particle accelerator', 'moon landing', 'Mars rover', 'solar eclipse', 'quantum computer'],
  },
  {
    group: 'Gaming',
    forums: [
      { name: 'gaming', description: 'A forum for everything about video games.' },
      { name: 'boardgames', description: 'Tabletop games, strategy and game night stories.' },
      { name: 'retrogaming', description: 'Classic consoles and the games we grew up with.' },
      { name: 'pcgaming', description: 'Builds, benchmarks and PC releases.' },
      { name: 'speedrun', description: 'Routes, tricks and world records.' },
      { name: 'indiegames', description: 'Small studios, big ideas.' },
      { name: 'chess', description: 'Openings, puzzles and tournament talk.' },
    ],
    nouns: ['controller', 'save file', 'boss fight', 'co-op campaign', 'board game night', 'graphics card', 'speedrun route', 'pixel art', 'chess opening', 'handheld console', 'game soundtrack', 'mod manager', 'dice set', 'level editor'],
  },
  {
    group: 'Food',
    forums: [
      { name: 'Cooking', description: 'Recipes, techniques and kitchen disasters.' },
      { name: 'baking', description: 'Bread, cakes, pastry and sourdough starters.' },
      { name: 'coffee', description: 'Beans, brewers and latte art.' },
      { name: 'vegetarian', description: 'Meat-free recipes and tips.' },
      { name: 'grilling', description: 'Smoke, fire and barbecue.' },
      { name: 'tea', description: 'Leaves, kettles and brewing temperatures.' },
      { name: 'MealPrep', description: 'Cook once, eat all week.' },
    ],
    nouns: ['sourdough starter', 'cast iron pan', 'espresso machine', 'chili recipe', 'pizza dough', 'meal plan', 'spice rack', 'pour-over kettle', 'banana bread', 'smoker', 'rice cooker', 'chef knife', 'green tea', 'lasagna'],
  },
  {
    group: 'Technology',
    forums: [
      { name: 'technology', description: 'Gadgets, companies and the future of tech.' },
      { name: 'programming', description: 'Code, languages and software craft.' },
      { name: 'linux', description: 'Distributions, desktops and the command line.' },
      { name: 'homelab', description: 'Servers, racks and self-hosting at home.' },
      { name: 'Android', description: 'Phones, apps and custom ROMs.' },
      { name: 'buildapc', description: 'Planning and building your own computer.' },
      { name: 'webdev', description: 'Front end, back end and everything on the web.' },
    ],
    nouns: ['mechanical keyboard', 'home server', 'text editor', 'Raspberry Pi', 'smartphone battery', 'static site generator', 'NAS', 'terminal emulator', 'password manager', 'USB-C hub', 'ultrawide monitor', 'router firmware', 'code review', 'dark mode'],
  },
  {
    group: 'Books',
    forums: [
      { name: 'books', description: 'What are you reading?' },
      { name: 'Fantasy', description: 'Dragons, magic systems and epic quests.' },
      { name: 'scifi', description: 'Science fiction books, films and ideas.' },
      { name: 'poetry', description: 'Share and discuss poems.' },
      { name: 'WritingPrompts', description: 'Prompts and short stories.' },
      { name: 'comics', description: 'Graphic novels and comic books.' },
      { name: 'audiobooks', description: 'Narrators, apps and listening habits.' },
    ],
    nouns: ['reading list', 'book club', 'paperback', 'e-reader', 'audiobook narrator', 'library card', 'short story', 'trilogy', 'graphic novel', 'sonnet', 'bookmark', 'plot twist', 'first edition', 'writing prompt'],
  },
  {
    group: 'Outdoors',
    forums: [
      { name: 'hiking', description: 'Trails, gear and summit photos.' },
      { name: 'camping', description: 'Tents, campfires and starry nights.' },
      { name: 'gardening', description: 'Vegetables, flowers and soil.' },
      { name: 'birding', description: 'Sightings, field guides and binoculars.' },
      { name: 'climbing', description: 'Bouldering, sport and trad climbing.' },
      { name: 'Fishing', description: 'Lures, rods and the one that got away.' },
      { name: 'kayaking', description: 'Rivers, lakes and sea kayaks.' },
    ],
    nouns: ['hiking boots', 'tent', 'trail map', 'raised bed', 'tomato plant', 'binoculars', 'climbing shoes', 'fishing rod', 'sleeping bag', 'compost bin', 'water filter', 'kayak paddle', 'bird feeder', 'headlamp'],
  },
  {
    group: 'Music',
    forums: [
      { name: 'Music', description: 'All genres, all eras.' },
      { name: 'guitar', description: 'Chords, gear and practice routines.' },
      { name: 'vinyl', description: 'Records, turntables and crate digging.' },
      { name: 'jazz', description: 'Standards, improvisation and new releases.' },
      { name: 'WeAreTheMusicMakers', description: 'Producing, recording and mixing music.' },
      { name: 'piano', description: 'Practice, repertoire and pianos.' },
      { name: 'classicalmusic', description: 'Composers, performances and recordings.' },
    ],
    nouns: ['guitar pedal', 'turntable', 'practice routine', 'music theory', 'home studio', 'setlist', 'metronome', 'vinyl pressing', 'piano teacher', 'headphones', 'synthesizer', 'concert ticket', 'album cover', 'drum machine'],
  },
  {
    group: 'Lifestyle',
    forums: [
      { name: 'personalfinance', description: 'Budgets, savings and retirement.' },
      { name: 'Fitness', description: 'Training, nutrition and progress.' },
      { name: 'travel', description: 'Trips, tips and itineraries.' },
      { name: 'DIY', description: 'Home improvement and making things yourself.' },
      { name: 'running', description: 'Races, shoes and training plans.' },
      { name: 'minimalism', description: 'Owning less and living more.' },
      { name: 'houseplants', description: 'Care tips for plants that live indoors.' },
    ],
    nouns: ['emergency fund', 'running shoes', 'carry-on bag', 'cordless drill', 'training plan', 'budget spreadsheet', 'standing desk', 'marathon', 'travel insurance', 'paint color', 'gym membership', 'monstera', 'road trip', 'capsule wardrobe'],
  },
];

export const FORUMS_PER_GROUP = 5;

/** `{noun}` is a group noun, `{Noun}` the same capitalised, `{n}` a small number. */
export const TITLE_TEMPLATES = [
  'What is your favorite {noun}?',
  'TIL something surprising about the {noun}',
  'Anyone else tried a new {noun} this year?',
  '{Noun} recommendations for a complete beginner',
  'My experience with the {noun} after {n} months',
  'Is the {noun} overrated?',
  'Finally finished my {noun} project',
  'Help: my {noun} stopped working after {n} days',
  'Unpopular opinion about the {noun}',
  'The best {noun} advice I ever got',
  '{n} things I wish I knew about the {noun}',
  'Showing off my {noun} setup',
  'Budget {noun} under ${n}0: worth it?',
  'Weekly discussion thread: {noun}',
  'Why does nobody talk about the {noun}?',
  'First time with a {noun}, any tips?',
];

export const BODY_TEMPLATES = [
  'I have been thinking about the {noun} for a while and would love to hear what this community thinks.',
  'Long time lurker, first post. The {noun} has been on my mind since last week.',
  'Sharing my notes in case they help someone else. Questions about the {noun} welcome.',
  'I searched the forum but could not find a good answer about the {noun}. Any pointers?',
  'Quick update on my {noun} journey. It has been a ride.',
  'Not sure if this is the right place, but here goes: the {noun} question nobody asks.',
];

export const COMMENT_TEMPLATES = [
  'Great post, thanks for sharing!',
  'I had the same problem with my {noun}. Try starting over slowly.',
  'This is the kind of content I come here for.',
  'Hard disagree. The {noun} is fine if you use it right.',
  'Can you share more details? Which {noun} did you get?',
  'Saving this thread for later.',
  'Came here to say exactly this.',
  'I tried that last year and it worked for me.',
  'Have you checked the wiki? It covers the {noun} pretty well.',
  'Honestly the best {noun} is the one you actually use.',
  'Following, I want to know the answer too.',
  'This made my day, thank you.',
  'Respectfully, I think you are overthinking it.',
  'Same here! Nice to know I am not alone.',
  'The {noun} changed everything for me.',
  'Underrated comment right here.',
  'Source? I would like to read more.',
  'Ten years in and I still learn something new about the {noun}.',
];

export const NAME_ADJECTIVES = [
  'Crispy', 'Quiet', 'Lunar', 'Rusty', 'Brave', 'Sleepy', 'Fuzzy', 'Clever', 'Mellow', 'Swift', 'Cosmic', 'Salty',
  'Gentle', 'Wandering', 'Jolly', 'Silent', 'Golden', 'Curious', 'Lucky', 'Velvet', 'Electric', 'Humble', 'Frosty', 'Sunny',
];
export const NAME_ANIMALS = [
  'Llama', 'Otter', 'Falcon', 'Badger', 'Heron', 'Panda', 'Walrus', 'Gecko', 'Moose', 'Raven', 'Lynx', 'Beaver',
  'Koala', 'Puffin', 'Marmot', 'Newt', 'Bison', 'Ferret', 'Octopus', 'Tapir', 'Wombat', 'Yak', 'Mantis', 'Pelican',
];

/** The signed-in user of every episode. */
export const DEFAULT_USER = 'TinkerToad512';
