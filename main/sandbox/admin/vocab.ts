// Word lists the admin dataset draws customers, order comments and pending reviews from. Invented people;
// real US cities (public facts) so filters read naturally.

export const FIRST_NAMES = ['Olivia', 'Liam', 'Ava', 'Noah', 'Mia', 'Ethan', 'Sofia', 'Lucas', 'Chloe', 'Mason', 'Grace', 'Jacob',
  'Priya', 'Omar', 'Hana', 'Diego', 'Lena', 'Marcus', 'Yuki', 'Fatima', 'Tom', 'Irene', 'Kwame', 'Rosa', 'Nadia', 'Felix',
  'Amara', 'Victor', 'Elena', 'Hugo', 'Ingrid', 'Rafael', 'Mei', 'Samir', 'Clara', 'Jonah', 'Leila', 'Oscar', 'Beatriz', 'Theo'];

export const LAST_NAMES = ['Anderson', 'Bennett', 'Castillo', 'Dawson', 'Eriksen', 'Fischer', 'Garcia', 'Hoffman', 'Ibrahim',
  'Jensen', 'Kowalski', 'Lindqvist', 'Moreno', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sandoval', 'Tanaka',
  'Underwood', 'Vasquez', 'Whitaker', 'Xu', 'Young', 'Zimmerman', 'Abbott', 'Brennan', 'Chowdhury', 'Delgado', 'Ellison',
  'Fontaine', 'Gallagher', 'Haddad', 'Iverson', 'Jovanovic', 'Kaur', 'Laurent', 'McAllister', 'Novak', 'Ortega', 'Pearson',
  'Ramires', 'Schultz', 'Thornton', 'Valdez', 'Wagner', 'Yamamoto', 'Zhou', 'Barros'];

export const CITIES: Array<{ city: string; state: string; zip: string }> = [
  { city: 'Pittsburgh', state: 'Pennsylvania', zip: '15213' }, { city: 'Philadelphia', state: 'Pennsylvania', zip: '19103' },
  { city: 'Austin', state: 'Texas', zip: '78701' }, { city: 'Houston', state: 'Texas', zip: '77002' },
  { city: 'Portland', state: 'Oregon', zip: '97205' }, { city: 'Eugene', state: 'Oregon', zip: '97401' },
  { city: 'Denver', state: 'Colorado', zip: '80202' }, { city: 'Boulder', state: 'Colorado', zip: '80302' },
  { city: 'Milwaukee', state: 'Wisconsin', zip: '53202' }, { city: 'Raleigh', state: 'North Carolina', zip: '27601' },
  { city: 'Charlotte', state: 'North Carolina', zip: '28202' }, { city: 'Tucson', state: 'Arizona', zip: '85701' },
  { city: 'Phoenix', state: 'Arizona', zip: '85004' }, { city: 'Boise', state: 'Idaho', zip: '83702' },
  { city: 'Columbus', state: 'Ohio', zip: '43215' }, { city: 'Cleveland', state: 'Ohio', zip: '44113' },
  { city: 'Savannah', state: 'Georgia', zip: '31401' }, { city: 'Atlanta', state: 'Georgia', zip: '30303' },
  { city: 'Seattle', state: 'Washington', zip: '98101' }, { city: 'Spokane', state: 'Washington', zip: '99201' },
  { city: 'Minneapolis', state: 'Minnesota', zip: '55401' }, { city: 'Omaha', state: 'Nebraska', zip: '68102' },
  { city: 'Nashville', state: 'Tennessee', zip: '37203' }, { city: 'Memphis', state: 'Tennessee', zip: '38103' },
  { city: 'Baltimore', state: 'Maryland', zip: '21202' }, { city: 'Richmond', state: 'Virginia', zip: '23219' },
  { city: 'Albuquerque', state: 'New Mexico', zip: '87102' }, { city: 'Sacramento', state: 'California', zip: '95814' },
  { city: 'San Diego', state: 'California', zip: '92101' }, { city: 'Buffalo', state: 'New York', zip: '14202' },
];

export const STREETS = ['Maple Ave', 'Oak Street', 'Cedar Lane', 'Pine Road', 'Elm Court', 'Birch Way', 'Willow Drive',
  'Lakeview Blvd', 'Hillcrest Rd', 'Sunset Ave', 'Harbor Street', 'Park Place', 'River Road', 'Main Street'];

export const EMAIL_DOMAINS = ['example.com', 'mail.example', 'inbox.example', 'post.example'];

export const SHIPPING_METHODS = ['Flat Rate - Fixed', 'Best Way - Table Rate', 'Free Shipping - Free'];
export const PAYMENT_METHODS = ['Check / Money order', 'Credit Card', 'Cash On Delivery'];

/** Comments already on seeded orders (history entries an admin would have left). */
export const SEED_COMMENTS = ['Customer called to confirm the delivery address.', 'Payment received, preparing shipment.',
  'Items packed and handed to the carrier.', 'Customer asked for gift wrapping.', 'Backordered item now in stock.'];

/** Comments a task may ask the agent to add (a number is appended per instance). */
export const TASK_COMMENTS = ['Waiting for the customer to confirm the address', 'Payment is under review by the bank',
  'Customer requested a delivery after the holidays', 'Item is being replaced by the supplier', 'Hold until stock arrives',
  'Fraud check requested by the payment team'];

export const REVIEW_TITLES = ['Not what I expected', 'Works for me', 'Great value', 'Arrived late', 'Love the color',
  'Solid build', 'Too small', 'Would buy again', 'Average at best', 'Excellent quality', 'Stopped working', 'Good gift'];
export const REVIEW_DETAILS = ['Used it for a couple of weeks now and wanted to share my thoughts.',
  'Packaging was fine and setup took a few minutes.', 'Compared it with two other brands before deciding.',
  'My second one from this store; the first was a gift.', 'Honest opinion after a month of daily use.'];

/** Search terms shown on the dashboard (distractor data, like Magento's "Last Search Terms"). */
export const SEARCH_TERMS = ['hoodie', 'coffee maker', 'tent', 'wireless headphones', 'running shoes', 'lamp', 'laptop bag'];
