"""Given and family names for the demo network, grouped by naming tradition so that a
person's two names come from the same one. All chosen for netkeep's made-up people.
"""

from __future__ import annotations

#: (given names, family names) per naming tradition.
# Packed several to a line: one to a line, this list alone ran to 500 lines.
# fmt: off
NAMES: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (
        (
            "James", "Emily", "Michael", "Olivia", "Daniel", "Hannah", "Ryan", "Grace", "Nathan", "Chloe",
            "Tyler", "Megan", "Kevin", "Lauren", "Brandon", "Rachel", "Connor", "Abigail",
        ),
        (
            "Smith", "Johnson", "Walker", "Thompson", "Bennett", "Hughes", "Carter", "Mitchell", "Parker",
            "Collins", "Reed", "Foster", "Brooks", "Hayes", "Sullivan", "Morgan",
        ),
    ),
    (
        (
            "Sofía", "Mateo", "Valentina", "Santiago", "Camila", "Diego", "Lucía", "Javier", "Isabel",
            "Alejandro", "Gabriela", "Andrés", "Paula", "Carlos", "Elena", "Miguel",
        ),
        (
            "García", "Martínez", "Rodríguez", "López", "Hernández", "González", "Pérez", "Sánchez",
            "Ramírez", "Torres", "Flores", "Rivera", "Castillo", "Morales", "Ortega", "Vargas",
        ),
    ),
    (
        (
            "Wei", "Jing", "Hao", "Xiaoling", "Yifan", "Mei", "Jun", "Lina", "Zhiwei", "Yue", "Tao",
            "Qian", "Bo", "Xinyi", "Chen", "Ruoxi",
        ),
        (
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
            "Zhu", "Hu", "Guo",
        ),
    ),
    (
        (
            "Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Divya", "Aditya", "Meera",
            "Siddharth", "Neha", "Rahul", "Aishwarya", "Karthik", "Pooja", "Sanjay",
        ),
        (
            "Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Menon", "Rao", "Desai", "Kapoor",
            "Banerjee", "Krishnan", "Joshi", "Mehta", "Pillai", "Chatterjee",
        ),
    ),
    (
        (
            "Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Tunde", "Chiamaka",
            "Ifeanyi", "Yetunde", "Kelechi", "Amara", "Babajide", "Nneka",
        ),
        (
            "Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Adebayo", "Obi", "Ogunleye",
            "Chukwu", "Afolabi", "Okeke", "Bello", "Uche",
        ),
    ),
    (
        (
            "Omar", "Layla", "Youssef", "Fatima", "Karim", "Nour", "Hassan", "Mariam", "Tariq", "Salma",
            "Khalid", "Yasmin", "Rami", "Huda",
        ),
        (
            "Haddad", "Khalil", "Nasser", "Mansour", "Saleh", "Farouk", "Aziz", "Hamdan", "Rahman",
            "Abboud", "Darwish", "Karam", "Sabbagh", "Qasim",
        ),
    ),
    (
        (
            "Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Kaito", "Sakura", "Daiki", "Mio", "Takumi",
            "Rina", "Kenji", "Yuna",
        ),
        (
            "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
            "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto",
        ),
    ),
    (
        (
            "Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yun", "Su-bin", "Jae-won", "Ye-jin", "Hyun-woo",
            "Ji-woo", "Tae-yang", "Eun-ji",
        ),
        (
            "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin",
        ),
    ),
    (
        (
            "Linh", "Minh", "Thao", "Quang", "Huong", "Duc", "Lan", "Tuan", "Mai", "Khanh", "Trang", "Bao",
        ),
        (
            "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo",
        ),
    ),
    (
        (
            "Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Maximilian", "Laura", "Tobias",
            "Katharina", "Florian", "Johanna", "Niklas", "Sophie",
        ),
        (
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schulz", "Koch",
            "Richter", "Wolf", "Neumann", "Braun", "Zimmermann",
        ),
    ),
    (
        (
            "Camille", "Louis", "Manon", "Hugo", "Chloé", "Théo", "Inès", "Julien", "Élise", "Antoine",
            "Margaux", "Nicolas",
        ),
        (
            "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre", "Girard", "Rousseau",
            "Fontaine", "Mercier", "Blanc", "Chevalier",
        ),
    ),
    (
        (
            "Ana", "João", "Beatriz", "Rafael", "Larissa", "Thiago", "Fernanda", "Gustavo", "Juliana",
            "Leonardo", "Mariana", "Bruno",
        ),
        (
            "Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ferreira", "Ribeiro",
            "Carvalho", "Barbosa", "Rocha",
        ),
    ),
    (
        (
            "Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Michał", "Zofia", "Kacper",
            "Aleksandra", "Paweł",
        ),
        (
            "Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zieliński",
            "Szymańska", "Dąbrowski", "Kozłowska",
        ),
    ),
    (
        (
            "Elif", "Emre", "Zeynep", "Burak", "Ayşe", "Mert", "Selin", "Can", "Deniz", "Ece",
        ),
        (
            "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan", "Koç",
        ),
    ),
    (
        (
            "Dariush", "Shirin", "Arash", "Niloufar", "Kian", "Parisa", "Babak", "Roya",
        ),
        (
            "Ahmadi", "Hosseini", "Karimi", "Rostami", "Moradi", "Jafari", "Tehrani", "Farahani",
        ),
    ),
    (
        (
            "Amani", "Baraka", "Zawadi", "Jabari", "Neema", "Juma", "Imani", "Kito",
        ),
        (
            "Mwangi", "Otieno", "Kamau", "Wanjiru", "Odhiambo", "Njoroge", "Achieng", "Kiprop",
        ),
    ),
    (
        (
            "Astrid", "Erik", "Ingrid", "Lars", "Freja", "Mikkel", "Sigrid", "Anders", "Maja", "Nils",
        ),
        (
            "Johansson", "Andersson", "Nilsson", "Larsen", "Hansen", "Berg", "Lindqvist", "Dahl",
            "Eriksen", "Holm",
        ),
    ),
    (
        (
            "Giulia", "Marco", "Chiara", "Luca", "Francesca", "Alessandro", "Martina", "Matteo", "Elisa",
            "Davide",
        ),
        (
            "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
            "Greco",
        ),
    ),
    (
        (
            "Olena", "Dmytro", "Iryna", "Andriy", "Natalia", "Oleksandr", "Tetiana", "Maksym", "Svitlana",
            "Yuriy",
        ),
        (
            "Kovalenko", "Bondarenko", "Shevchenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
            "Savchenko", "Rudenko", "Lysenko",
        ),
    ),
    (
        (
            "Maria", "Jose", "Kristine", "Paolo", "Angelica", "Mark", "Bea", "Rafael", "Joanna", "Carlo",
        ),
        (
            "Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Villanueva", "Aquino",
            "Dela Cruz",
        ),
    ),
    (
        (
            "Siobhan", "Cian", "Aoife", "Niall", "Órla", "Declan", "Saoirse", "Eoin", "Niamh", "Padraig",
        ),
        (
            "Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Sullivan", "Walsh", "McCarthy", "Doyle",
            "Gallagher",
        ),
    ),
    (
        (
            "Eleni", "Nikos", "Katerina", "Giorgos", "Sofia", "Dimitris", "Ioanna", "Yannis",
        ),
        (
            "Papadopoulos", "Georgiou", "Nikolaidis", "Christodoulou", "Vlachos", "Antoniou",
            "Karagiannis", "Alexiou",
        ),
    ),
]
# fmt: on
