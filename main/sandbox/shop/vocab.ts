// Word lists the shop dataset is drawn from. Invented brands; categories modelled on a general storefront.

export interface CategorySpec {
  slug: string;
  name: string;
  code: string;
  brands: string[];
  lines: string[];
  nouns: string[];
  /** Price range in whole dollars. */
  minPrice: number;
  maxPrice: number;
  /** Width of the price filter buckets, whole dollars. */
  bucket: number;
  sizes: string[];
  colors: string[];
}

const TECH_COLORS = ['Black', 'White', 'Silver', 'Blue', 'Red', 'Gray', 'Green', 'Pink'];
const HOME_COLORS = ['White', 'Beige', 'Gray', 'Navy', 'Green', 'Brown', 'Yellow', 'Black'];
const WEAR_COLORS = ['Black', 'Navy', 'Gray', 'Red', 'Green', 'Blue', 'Beige', 'Purple', 'Orange', 'White'];
const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const SHOE_SIZES = ['6', '7', '8', '9', '10', '11', '12'];

export const CATEGORY_SPECS: CategorySpec[] = [
  {
    slug: 'laptops', name: 'Laptops', code: 'LAP', brands: ['Aspira', 'Novatek', 'Zenbyte', 'Lumora', 'Corvid', 'Helixa'],
    lines: ['Air', 'Pro', 'Slim', 'Max', 'Go', 'Studio', 'Edge'], nouns: ['Laptop', 'Notebook', 'Ultrabook', 'Chromebook', '2-in-1 Laptop'],
    minPrice: 299, maxPrice: 999, bucket: 200, sizes: [], colors: TECH_COLORS,
  },
  {
    slug: 'headphones', name: 'Headphones', code: 'AUD', brands: ['Sonique', 'Bassline', 'Auralis', 'Echoform', 'Tunewave', 'Quietus'],
    lines: ['Lite', 'Pro', 'Studio', 'Sport', 'Max', 'Mini', 'Wave'], nouns: ['Wireless Headphones', 'Earbuds', 'Over-Ear Headphones', 'Gaming Headset', 'Sport Earphones'],
    minPrice: 19, maxPrice: 349, bucket: 50, sizes: [], colors: TECH_COLORS,
  },
  {
    slug: 'cameras', name: 'Cameras', code: 'CAM', brands: ['Optiva', 'Pixello', 'Lensar', 'Framewell', 'Shutterly', 'Kameo'],
    lines: ['One', 'Zoom', 'Vista', 'Prime', 'Pulse', 'Classic', 'Nano'], nouns: ['Mirrorless Camera', 'Action Camera', 'Instant Camera', 'Digital Camera', 'Camera Lens'],
    minPrice: 59, maxPrice: 949, bucket: 200, sizes: [], colors: ['Black', 'Silver', 'White', 'Blue', 'Red', 'Pink'],
  },
  {
    slug: 'kitchen', name: 'Kitchen Appliances', code: 'KIT', brands: ['Brewmaster', 'Cucina', 'Hearthly', 'Whiskly', 'Toastwell', 'Panterra'],
    lines: ['Classic', 'Compact', 'Deluxe', 'Essential', 'Smart', 'Plus', 'Chef'], nouns: ['Blender', 'Coffee Maker', 'Air Fryer', 'Electric Kettle', 'Toaster', 'Stand Mixer'],
    minPrice: 15, maxPrice: 399, bucket: 50, sizes: [], colors: ['Black', 'White', 'Silver', 'Red', 'Green', 'Blue', 'Beige'],
  },
  {
    slug: 'home-decor', name: 'Home Decor', code: 'DEC', brands: ['Nestwood', 'Linden', 'Casabella', 'Driftly', 'Moonfield', 'Oakhaven'],
    lines: ['Boho', 'Modern', 'Rustic', 'Coastal', 'Nordic', 'Vintage', 'Minimal'], nouns: ['Table Lamp', 'Throw Pillow', 'Wall Clock', 'Scented Candle', 'Picture Frame', 'Ceramic Vase'],
    minPrice: 9, maxPrice: 149, bucket: 25, sizes: [], colors: HOME_COLORS,
  },
  {
    slug: 'outdoor', name: 'Outdoor Gear', code: 'OUT', brands: ['Trailhead', 'Summitry', 'Pinecrest', 'Ridgeline', 'Wildpath', 'Northbound'],
    lines: ['Trek', 'Alpine', 'Ultralight', 'Basecamp', 'Explorer', 'Scout', 'Ranger'], nouns: ['Camping Tent', 'Sleeping Bag', 'Hiking Backpack', 'Trekking Poles', 'Water Bottle', 'Headlamp'],
    minPrice: 12, maxPrice: 449, bucket: 50, sizes: [], colors: ['Green', 'Orange', 'Blue', 'Gray', 'Black', 'Red', 'Yellow'],
  },
  {
    slug: 'clothing', name: 'Clothing', code: 'CLO', brands: ['Threadline', 'Northloom', 'Urbanly', 'Cottonfield', 'Kestrel', 'Marlowe'],
    lines: ['Everyday', 'Classic', 'Active', 'Relaxed', 'Heritage', 'Core', 'Weekend'], nouns: ['Hoodie', 'T-Shirt', 'Rain Jacket', 'Fleece Pullover', 'Chino Pants', 'Running Shorts'],
    minPrice: 12, maxPrice: 189, bucket: 25, sizes: CLOTHING_SIZES, colors: WEAR_COLORS,
  },
  {
    slug: 'shoes', name: 'Shoes', code: 'SHO', brands: ['Stridewell', 'Footloft', 'Pacer', 'Cobbleton', 'Runique', 'Treadwise'],
    lines: ['Flex', 'Cloud', 'Trail', 'City', 'Tempo', 'Grip', 'Comfort'], nouns: ['Running Shoes', 'Trail Sneakers', 'Leather Boots', 'Slip-On Loafers', 'Canvas Sneakers'],
    minPrice: 25, maxPrice: 229, bucket: 50, sizes: SHOE_SIZES, colors: WEAR_COLORS,
  },
];

export const FIRST_NAMES = ['Olivia', 'Liam', 'Ava', 'Noah', 'Mia', 'Ethan', 'Sofia', 'Lucas', 'Chloe', 'Mason', 'Grace',
  'Jacob', 'Priya', 'Omar', 'Hana', 'Diego', 'Lena', 'Marcus', 'Yuki', 'Fatima', 'Tom', 'Irene', 'Kwame', 'Rosa'];
export const LAST_INITIALS = 'ABCDEFGHJKLMNPRSTVWY'.split('');

export const REVIEW_TITLES: Record<number, string[]> = {
  5: ['Absolutely love it', 'Exceeded my expectations', 'Best purchase this year', 'Five stars, no regrets', 'Perfect'],
  4: ['Very good overall', 'Solid choice', 'Happy with it', 'Great value', 'Does the job well'],
  3: ['It is okay', 'Average', 'Mixed feelings', 'Decent but not great', 'Fine for the price'],
  2: ['Disappointed', 'Not as described', 'Expected more', 'Quality issues', 'Would not buy again'],
  1: ['Terrible', 'Broke after a week', 'Waste of money', 'Returned it', 'Do not buy'],
};

export const REVIEW_BODIES: Record<number, string[]> = {
  5: ['The {noun} works beautifully and the {color} finish looks great.', 'I use the {noun} every day. Build quality is excellent.',
    'Shipping was fast and the {noun} is exactly what I wanted.'],
  4: ['Good value for the money. A few small quirks but nothing serious.', 'Nice overall; the {color} is a little darker than in the photos.',
    'Works as expected. I would recommend the {noun} to friends.'],
  3: ['The {noun} is fine, nothing special.', 'Some parts feel cheap, others are great.',
    'It does what it says, but I had to return the first one.'],
  2: ['The {noun} stopped working properly after a month.', 'The {color} color faded quickly and the build feels flimsy.',
    'Customer service was slow and the quality is mediocre.'],
  1: ['The {noun} arrived damaged and support never answered.', 'Complete waste. It broke on day two.',
    'Nothing like the description. Avoid the {noun}.'],
};

export const DESCRIPTION_TEMPLATES = [
  '{brand} designed the {name} to be {adj} and built to last, for everyday use.',
  'Meet the {name} by {brand}: {adj}, thoughtfully detailed and easy to live with.',
  'The {name} brings {brand} quality to your routine. {Adj} and ready for daily use.',
];
export const ADJECTIVES = ['lightweight', 'durable', 'versatile', 'compact', 'premium', 'reliable', 'stylish', 'affordable'];

export const STREETS = ['Maple Ave', 'Oak Street', 'Cedar Lane', 'Pine Road', 'Elm Court', 'Birch Way', 'Willow Drive',
  'Lakeview Blvd', 'Hillcrest Rd', 'Sunset Ave', 'Harbor Street', 'Park Place'];
export const CITIES: Array<{ city: string; state: string; zip: string }> = [
  { city: 'Pittsburgh', state: 'PA', zip: '15213' }, { city: 'Austin', state: 'TX', zip: '78701' },
  { city: 'Portland', state: 'OR', zip: '97205' }, { city: 'Denver', state: 'CO', zip: '80202' },
  { city: 'Madison', state: 'WI', zip: '53703' }, { city: 'Raleigh', state: 'NC', zip: '27601' },
  { city: 'Tucson', state: 'AZ', zip: '85701' }, { city: 'Boise', state: 'ID', zip: '83702' },
  { city: 'Columbus', state: 'OH', zip: '43215' }, { city: 'Savannah', state: 'GA', zip: '31401' },
];
export const FULL_NAMES = ['Jordan Ellis', 'Sam Rivera', 'Alex Kim', 'Taylor Brooks', 'Morgan Patel', 'Casey Nguyen',
  'Jamie Okafor', 'Riley Schmidt', 'Avery Costa', 'Quinn Larsen', 'Drew Haddad', 'Reese Moreau'];
