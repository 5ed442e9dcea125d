/**
 * Names for the synthetic country, shipped with the project: common Libyan given names and
 * family (tribal and town) names, each with the Latin transliteration registers use. Spelled in
 * the canonical form (hamza, taa marbuta, alef maqsura, عبد as its own word); the register defects
 * in `spelling-variants.ts` start from these spellings.
 *
 * Weights are rough popularity (higher is commoner), so a few names dominate as in real registers.
 */
export interface NameEntry {
  ar: string;
  latin: string;
  weight: number;
}

const entries = (rows: Array<[string, string, number?]>): NameEntry[] =>
  rows.map(([ar, latin, weight = 1]) => ({ ar, latin, weight }));

export const maleGivenNames: NameEntry[] = entries([
  ['محمد', 'Muhammad', 12], ['أحمد', 'Ahmad', 7], ['علي', 'Ali', 6], ['عبد الله', 'Abdallah', 5],
  ['مصطفى', 'Mustafa', 4], ['إبراهيم', 'Ibrahim', 4], ['عمر', 'Umar', 4], ['خالد', 'Khalid', 3],
  ['سالم', 'Salim', 3], ['حسن', 'Hasan', 3], ['حسين', 'Husayn', 2], ['عبد الرحمن', 'Abd al-Rahman', 3],
  ['عبد السلام', 'Abd al-Salam', 3], ['عبد الحميد', 'Abd al-Hamid', 2], ['عبد الكريم', 'Abd al-Karim', 2],
  ['عبد الرزاق', 'Abd al-Razzaq', 2], ['عبد الحكيم', 'Abd al-Hakim', 2], ['عبد المنعم', 'Abd al-Munim', 1],
  ['عبد العزيز', 'Abd al-Aziz', 2], ['عبد الباسط', 'Abd al-Basit', 1], ['عبد الفتاح', 'Abd al-Fattah', 1],
  ['عبد الوهاب', 'Abd al-Wahhab', 1], ['عبد القادر', 'Abd al-Qadir', 2], ['عبد اللطيف', 'Abd al-Latif', 1],
  ['عبد المجيد', 'Abd al-Majid', 1], ['عبد الناصر', 'Abd al-Nasir', 1], ['عبد الرؤوف', 'Abd al-Rauf', 1],
  ['يوسف', 'Yusuf', 3], ['موسى', 'Musa', 2], ['عيسى', 'Isa', 1], ['يحيى', 'Yahya', 2], ['مرتضى', 'Murtada', 1],
  ['إسماعيل', 'Ismail', 2], ['أسامة', 'Usama', 2], ['حمزة', 'Hamza', 2], ['طارق', 'Tariq', 2],
  ['أنور', 'Anwar', 1], ['أيمن', 'Ayman', 2], ['آدم', 'Adam', 2], ['أنس', 'Anas', 2], ['أكرم', 'Akram', 1],
  ['إدريس', 'Idris', 2], ['فرج', 'Faraj', 2], ['خليفة', 'Khalifa', 2], ['ميلاد', 'Milad', 2],
  ['مفتاح', 'Miftah', 2], ['رمضان', 'Ramadan', 2], ['صالح', 'Salih', 2], ['سعيد', 'Said', 2],
  ['جمعة', 'Juma', 2], ['منصور', 'Mansur', 2], ['مختار', 'Mukhtar', 1], ['الطاهر', 'al-Tahir', 1],
  ['الهادي', 'al-Hadi', 1], ['المهدي', 'al-Mahdi', 1], ['الصادق', 'al-Sadiq', 1], ['البشير', 'al-Bashir', 1],
  ['فتحي', 'Fathi', 2], ['نوري', 'Nuri', 1], ['ناصر', 'Nasir', 2], ['هشام', 'Hisham', 2], ['وليد', 'Walid', 2],
  ['ياسين', 'Yasin', 1], ['زكريا', 'Zakariya', 1], ['بشير', 'Bashir', 1], ['جمال', 'Jamal', 2],
  ['كمال', 'Kamal', 1], ['عادل', 'Adil', 2], ['عماد', 'Imad', 1], ['فيصل', 'Faysal', 1], ['مروان', 'Marwan', 1],
  ['معاذ', 'Muadh', 2], ['عثمان', 'Uthman', 1], ['بلال', 'Bilal', 1], ['حمد', 'Hamad', 1], ['نبيل', 'Nabil', 1],
  ['رضا', 'Rida', 1], ['سليمان', 'Sulayman', 2], ['عوض', 'Awad', 1], ['عبيدة', 'Ubayda', 1], ['مهند', 'Muhannad', 1],
  ['شعبان', 'Shaban', 1], ['عطية', 'Atiya', 1], ['ونيس', 'Wanis', 1], ['امحمد', 'Amhammad', 1], ['سند', 'Sanad', 1],
]);

export const femaleGivenNames: NameEntry[] = entries([
  ['فاطمة', 'Fatima', 8], ['خديجة', 'Khadija', 5], ['عائشة', 'Aisha', 5], ['مريم', 'Maryam', 5],
  ['آمنة', 'Amina', 4], ['زينب', 'Zaynab', 4], ['سعاد', "Su'ad", 2], ['نجاة', 'Najat', 2], ['حليمة', 'Halima', 2],
  ['سالمة', 'Salima', 2], ['مبروكة', 'Mabruka', 2], ['سلمى', 'Salma', 3], ['ليلى', 'Layla', 2], ['هدى', 'Huda', 3],
  ['منى', 'Muna', 2], ['نهى', 'Nuha', 1], ['سلوى', 'Salwa', 2], ['بشرى', 'Bushra', 1], ['أسماء', 'Asma', 3],
  ['إيمان', 'Iman', 3], ['أمل', 'Amal', 2], ['آية', 'Aya', 2], ['إسراء', 'Isra', 2], ['أميرة', 'Amira', 1],
  ['نورا', 'Nura', 2], ['نور', 'Nur', 2], ['سارة', 'Sara', 3], ['رحمة', 'Rahma', 1], ['حنان', 'Hanan', 2],
  ['وفاء', 'Wafa', 1], ['رجاء', 'Raja', 1], ['صفاء', 'Safa', 1], ['مروة', 'Marwa', 2], ['رانيا', 'Rania', 1],
  ['ريم', 'Rim', 2], ['هند', 'Hind', 1], ['جميلة', 'Jamila', 1], ['نادية', 'Nadia', 1], ['ربيعة', 'Rabia', 1],
  ['عفاف', 'Afaf', 1], ['فوزية', 'Fawziya', 1], ['نعيمة', 'Naima', 1], ['سميرة', 'Samira', 1], ['زهرة', 'Zahra', 2],
  ['حواء', 'Hawwa', 1], ['رقية', 'Ruqayya', 1], ['صفية', 'Safiya', 1], ['جازية', 'Jaziya', 1], ['عزيزة', 'Aziza', 1],
  ['خيرية', 'Khayriya', 1], ['منيرة', 'Munira', 1], ['هاجر', 'Hajar', 2], ['ملاك', 'Malak', 2], ['جنى', 'Jana', 2],
  ['رؤى', "Ru'a", 1], ['لمى', 'Lama', 1], ['تسنيم', 'Tasnim', 1], ['رغد', 'Raghad', 1], ['شيماء', 'Shayma', 1],
  ['دعاء', "Du'a", 1], ['وئام', "Wi'am", 1], ['ابتسام', 'Ibtisam', 1], ['انتصار', 'Intisar', 1], ['عواطف', 'Awatif', 1],
]);

export const familyNames: NameEntry[] = entries([
  ['الورفلي', 'Al-Warfalli', 5], ['البرعصي', 'Al-Baraasi', 4], ['المسماري', 'Al-Mismari', 3], ['المقريف', 'Al-Magariaf', 2],
  ['الترهوني', 'Al-Tarhuni', 3], ['الزنتاني', 'Al-Zintani', 3], ['المصراتي', 'Al-Misrati', 4], ['الغرياني', 'Al-Ghiryani', 2],
  ['الككلي', 'Al-Kikli', 1], ['بن غلبون', 'Bin Ghalbun', 1], ['العبيدي', 'Al-Ubaydi', 3], ['الفيتوري', 'Al-Faituri', 2],
  ['الشريف', 'Al-Sharif', 2], ['السنوسي', 'Al-Sanusi', 2], ['المغربي', 'Al-Maghribi', 2], ['الطرابلسي', 'Al-Tarabulsi', 2],
  ['المنفي', 'Al-Manfi', 1], ['الدرسي', 'Al-Darsi', 2], ['العقوري', 'Al-Aquri', 2], ['الفاخري', 'Al-Fakhiri', 2],
  ['الحاسي', 'Al-Hasi', 2], ['المجبري', 'Al-Majbari', 2], ['الزوي', 'Al-Zuwai', 2], ['العرفي', 'Al-Arfi', 1],
  ['الكوني', 'Al-Kuni', 1], ['الساعدي', 'Al-Saadi', 1], ['البوسيفي', 'Al-Busayfi', 1], ['القماطي', 'Al-Qamati', 1],
  ['الشويهدي', 'Al-Shuwayhdi', 1], ['بوشناف', 'Bushnaf', 1], ['الجهاني', 'Al-Juhani', 1], ['الأوجلي', 'Al-Awjali', 2],
  ['الأطرش', 'Al-Atrash', 1], ['الأحمر', 'Al-Ahmar', 1], ['الإمام', 'Al-Imam', 1], ['الغدامسي', 'Al-Ghadamsi', 1],
  ['السبيعي', 'Al-Subai', 1], ['التاجوري', 'Al-Tajuri', 2], ['الجنزوري', 'Al-Janzuri', 1], ['الشاعري', 'Al-Shairi', 1],
  ['المبروك', 'Al-Mabruk', 1], ['بن عمران', 'Bin Imran', 1], ['بوعجيلة', 'Buajila', 1], ['الفرجاني', 'Al-Farjani', 2],
  ['الزليتني', 'Al-Zliteni', 2], ['السويحلي', 'Al-Suwayhli', 1], ['القرقني', 'Al-Qarqani', 1], ['الحداد', 'Al-Haddad', 1],
  ['الدباغ', 'Al-Dabbagh', 1], ['النعاس', "Al-Na'as", 1], ['الصيد', 'Al-Sayd', 1], ['الغناي', 'Al-Ghannai', 1],
  ['بن حليم', 'Bin Halim', 1], ['المهدوي', 'Al-Mahdawi', 1], ['الباروني', 'Al-Baruni', 1], ['الدينالي', 'Al-Dinali', 1],
  ['الشيباني', 'Al-Shaybani', 1], ['العلاقي', 'Al-Allaqi', 1], ['القاضي', 'Al-Qadi', 1], ['الموسى', 'Al-Musa', 1],
]);

/** Foreign residents' given and family names come from the same lists: the region shares them. */
export const foreignNationalities: Array<{ code: string; weight: number }> = [
  { code: 'EG', weight: 5 }, { code: 'TN', weight: 2 }, { code: 'SD', weight: 3 }, { code: 'NE', weight: 1 },
  { code: 'TD', weight: 1 }, { code: 'SY', weight: 1 }, { code: 'DZ', weight: 1 },
];
