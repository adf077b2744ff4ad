import type { TrustTexts } from "../pages";

const fr: TrustTexts = {
  contact: {
    title: "Nous contacter",
    description: "Qui gère Silk Road Showcase et comment nous joindre au sujet d'une commande, d'une boutique ou de vos données.",
    body: `Silk Road Showcase est la vitrine en ligne de la campagne Silk Road E-Commerce, qui présente 100 boutiques africaines et 1 000 produits africains aux acheteurs de Chine et de toute l'Afrique. Une petite équipe de la campagne gère la vitrine et ses festivals d'achat. Chaque boutique est une entreprise africaine indépendante qui fabrique, vend et expédie ses propres produits.

## Une question sur une commande

- Retrouvez votre commande à tout moment avec son numéro et votre adresse e-mail sur la page [Retrouver une commande]({{lookup}}) : ce que vous avez acheté, si elle est payée et, une fois envoyée par la boutique, le numéro de suivi.
- Pour toute autre question, écrivez à [{{email}}](mailto:{{email}}) en indiquant votre numéro de commande. Nous transmettons votre message à la boutique concernée et le suivons jusqu'à ce que vous ayez une réponse.

## Nous écrire

Écrivez dans l'une des six langues de la vitrine : anglais, chinois, français, arabe, portugais ou kiswahili. Nous nous efforçons de répondre sous deux jours ouvrés.

## Vendre sur la vitrine

Les artisans, coopératives et ateliers familiaux africains peuvent demander à rejoindre la campagne par « Vendre avec nous », en bas de chaque page. La [page des boutiques]({{stores}}) montre qui vend déjà ici.`,
  },
  shipping: {
    title: "Livraison",
    description: "Comment les boutiques africaines de Silk Road Showcase envoient leurs produits en Chine et dans toute l'Afrique.",
    body: `## Qui envoie votre colis

Chaque boutique emballe et envoie ses propres produits depuis son atelier ou son entrepôt en Afrique. Une commande de produits de plusieurs boutiques arrive donc en plusieurs colis, chacun envoyé par sa boutique.

## Où nous livrons

Les boutiques livrent en Chine et dans des pays de toute l'Afrique. La page de commande liste les pays que vous pouvez choisir comme adresse de livraison.

## Frais et délais de livraison

Chaque boutique fixe ses frais et son délai de livraison selon la destination du colis. Les deux s'affichent pour chaque boutique à la commande, avant le paiement, et le total que vous payez les comprend.

## Suivre votre colis

Quand une boutique envoie vos produits, elle enregistre le transporteur et le numéro de suivi. La page de votre commande les affiche pour chaque ligne : retrouvez-la avec [Retrouver une commande]({{lookup}}).

## Douane, droits et taxes

Un colis qui passe une frontière peut être ouvert par la douane, et le pays de destination peut percevoir des droits ou taxes d'importation. Ils sont payés par le destinataire, sauf mention contraire à la commande. Certains produits (aliments, thés, épices, cosmétiques) doivent respecter les règles du pays de destination ; les boutiques ne proposent la livraison que là où elles peuvent les envoyer.

## Une adresse exacte

Indiquez l'adresse complète dans la forme qu'attend votre transporteur, et un numéro de téléphone : en Chine et dans beaucoup de pays africains, le livreur appelle avant de livrer. Un colis revenu à cause d'une adresse erronée peut être renvoyé à vos frais.

Une question sur une livraison : voir [Nous contacter]({{contact}}).`,
  },
  returns: {
    title: "Retours et remboursements",
    description: "Comment retourner un produit acheté sur Silk Road Showcase et comment les remboursements sont versés.",
    body: `## Vous avez changé d'avis

Vous pouvez demander à retourner un produit dans les **14 jours** suivant sa livraison. Il doit être inutilisé et dans son emballage d'origine. Écrivez à [{{email}}](mailto:{{email}}) avec votre numéro de commande et les lignes à retourner ; la boutique vous indique où les envoyer. Les frais de retour sont à votre charge.

## Produit abîmé, défectueux ou différent de la commande

Prévenez-nous dans les **7 jours** suivant la livraison, avec votre numéro de commande et une photo. La boutique remplace le produit ou le rembourse entièrement, frais de livraison compris, et le retour ne vous coûte rien.

## Ce qui ne se retourne pas une fois ouvert

Pour l'hygiène et la sécurité alimentaire : les aliments, thés, cafés et épices dont l'emballage scellé est ouvert, et les cosmétiques et soins ouverts. Les pièces faites sur commande ne peuvent être retournées que si elles sont défectueuses.

## Remboursements

Le remboursement est versé sur la carte ou le compte qui a servi au paiement, dans la devise payée, dans les 14 jours suivant la réception du produit retourné par la boutique (ou notre accord pour qu'un produit abîmé ne soit pas renvoyé). Votre banque peut mettre quelques jours de plus à l'afficher.

## Annuler une commande

Une commande non payée est annulée d'elle-même après un court délai et ses produits sont remis en vente. Pour annuler une commande payée avant que la boutique ne l'envoie, écrivez-nous avec son numéro : vous êtes remboursé en totalité.

Voir aussi [Livraison]({{shipping}}) et [Nous contacter]({{contact}}).`,
  },
  privacy: {
    title: "Confidentialité",
    description: "Quelles données personnelles Silk Road Showcase conserve, pourquoi, combien de temps, et les cookies qu'il utilise.",
    body: `L'équipe de la campagne qui gère la vitrine est responsable des données personnelles décrites ici. Écrivez à [{{email}}](mailto:{{email}}) pour toute question à leur sujet.

## Quand vous commandez

Pour livrer une commande, nous conservons votre nom, votre adresse e-mail, votre adresse de livraison, votre numéro de téléphone (si vous le donnez), ce que vous avez acheté, les prix et la devise, et la langue de la commande. La boutique qui envoie un produit voit les coordonnées de livraison de ses propres lignes, et seulement celles-là. Les commandes sont conservées aussi longtemps que la livraison, les retours et la comptabilité des boutiques l'exigent.

## Paiements

Lors d'un paiement par carte, vos données de carte vont directement à Stripe, notre prestataire de paiement ; nous ne les voyons ni ne les conservons jamais. Nous gardons seulement la référence du paiement et son résultat. Quand la vitrine fonctionne en mode démo, aucune donnée de paiement n'est demandée.

## Comptes des boutiques et des organisateurs

Les acheteurs n'ont pas besoin de compte. Les propriétaires de boutique et les organisateurs en ont un : nous conservons leur nom, leur adresse e-mail et une empreinte à sens unique de leur mot de passe (jamais le mot de passe lui-même). Chaque session ouverte enregistre l'adresse et le navigateur d'où elle vient ; une session prend fin après une semaine sans utilisation, ou 30 jours au plus, puis elle est supprimée. Les tentatives de connexion sont comptées par adresse pour empêcher de deviner les mots de passe, et ces comptes sont supprimés au bout d'un jour. Les modifications faites dans les espaces des boutiques et des organisateurs sont enregistrées avec l'adresse d'où elles viennent, pour pouvoir être vérifiées.

## Cookies

La vitrine n'utilise que les cookies nécessaires, et aucun cookie publicitaire ou de mesure d'audience :

- **cart** : votre panier, pendant 60 jours ; un panier inchangé depuis 60 jours est supprimé.
- **srs_session** : seulement quand vous vous connectez, pour rester connecté.
- **lang** : seulement quand la page d'accueil a choisi votre langue d'après votre navigateur, pour s'en souvenir (un an).

## Vos droits

Vous pouvez demander une copie de vos données, leur correction ou leur suppression en écrivant à [{{email}}](mailto:{{email}}). Nous supprimons ce que nous pouvons ; une commande payée est conservée aussi longtemps que la loi l'exige pour la comptabilité.`,
  },
};

export default fr;
