import type { TrustTexts } from "../pages";

const pt: TrustTexts = {
  contact: {
    title: "Contacte-nos",
    description: "Quem gere a Silk Road Showcase e como nos contactar sobre uma encomenda, uma loja ou os seus dados.",
    body: `A Silk Road Showcase é a loja online da campanha Silk Road E-Commerce, que leva 100 lojas africanas e 1.000 produtos africanos a compradores na China e em toda a África. Uma pequena equipa da campanha gere a montra e os seus festivais de compras. Cada loja é uma empresa africana independente que faz, vende e envia os seus próprios produtos.

## Perguntas sobre uma encomenda

- Encontre a sua encomenda a qualquer momento com o número da encomenda e o seu e-mail na página [Encontrar uma encomenda]({{lookup}}): mostra o que comprou, se está paga e, depois de a loja a enviar, o número de seguimento.
- Para tudo o resto, escreva para [{{email}}](mailto:{{email}}) indicando o número da encomenda. Passamos a sua mensagem à loja em causa e acompanhamo-la até ter uma resposta.

## Escrever-nos

Escreva em qualquer uma das seis línguas da montra: inglês, chinês, francês, árabe, português ou kiswahili. Procuramos responder em dois dias úteis.

## Vender na montra

Artesãos, cooperativas e oficinas familiares africanas podem pedir para entrar na campanha através de «Venda connosco», no fundo de cada página. A [página das lojas]({{stores}}) mostra quem já vende aqui.`,
  },
  shipping: {
    title: "Envio",
    description: "Como as lojas africanas da Silk Road Showcase enviam os seus produtos para a China e para toda a África.",
    body: `## Quem envia a sua encomenda

Cada loja embala e envia os seus próprios produtos a partir da sua oficina ou armazém em África. Uma encomenda com produtos de várias lojas chega, por isso, em várias encomendas postais, cada uma da sua loja.

## Para onde enviamos

As lojas enviam para a China e para países de toda a África. O checkout lista os países que pode escolher como morada de entrega.

## Custo e prazo de entrega

Cada loja define o seu custo e prazo de entrega, conforme o destino. Ambos aparecem para cada loja no checkout, antes de pagar, e o total que paga já os inclui.

## Seguir a sua encomenda

Quando uma loja envia os seus produtos, regista a transportadora e o número de seguimento. A página da sua encomenda mostra-os para cada linha: encontre-a em [Encontrar uma encomenda]({{lookup}}).

## Alfândega, direitos e impostos

Uma encomenda que atravessa uma fronteira pode ser aberta pela alfândega, e o país de destino pode cobrar direitos ou impostos de importação. São pagos por quem recebe, salvo indicação em contrário no checkout. Alguns produtos (alimentos, chás, especiarias, cosméticos) têm de cumprir as regras do país de destino; as lojas só oferecem entrega onde os podem enviar.

## Uma morada correta

Indique a morada completa na forma que a transportadora espera e um número de telefone: na China e em muitos países africanos, o estafeta telefona antes de entregar. Uma encomenda devolvida por morada errada pode ser reenviada à sua custa.

Dúvidas sobre uma entrega: veja [Contacte-nos]({{contact}}).`,
  },
  returns: {
    title: "Devoluções e reembolsos",
    description: "Como devolver um produto comprado na Silk Road Showcase e como são pagos os reembolsos.",
    body: `## Mudou de ideias

Pode pedir para devolver um produto até **14 dias** após a entrega. Tem de estar por usar e na embalagem original. Escreva para [{{email}}](mailto:{{email}}) com o número da encomenda e as linhas que quer devolver; a loja diz-lhe para onde as enviar. O custo de envio da devolução é seu.

## Danificado, com defeito ou diferente do encomendado

Avise-nos até **7 dias** após a entrega, com o número da encomenda e uma fotografia. A loja substitui o produto ou reembolsa-o por inteiro, com os portes incluídos, e não paga nada para o devolver.

## O que não se devolve depois de aberto

Por higiene e segurança alimentar: alimentos, chás, cafés e especiarias com o selo aberto, e cosméticos e cuidados de pele abertos. Peças feitas por encomenda só podem ser devolvidas se tiverem defeito.

## Reembolsos

O reembolso é feito para o cartão ou conta com que pagou, na moeda em que pagou, até 14 dias depois de a loja receber o produto devolvido (ou de concordarmos que um produto danificado não precisa de ser devolvido). O banco pode levar mais alguns dias a mostrá-lo.

## Cancelar uma encomenda

Uma encomenda não paga é cancelada sozinha ao fim de pouco tempo e os produtos voltam à venda. Para cancelar uma encomenda paga antes de a loja a enviar, escreva-nos com o número da encomenda: é reembolsado por inteiro.

Veja também [Envio]({{shipping}}) e [Contacte-nos]({{contact}}).`,
  },
  privacy: {
    title: "Privacidade",
    description: "Que dados pessoais a Silk Road Showcase guarda, porquê, durante quanto tempo, e os cookies que usa.",
    body: `A equipa da campanha que gere a montra é responsável pelos dados pessoais aqui descritos. Escreva para [{{email}}](mailto:{{email}}) com qualquer pergunta sobre eles.

## Quando encomenda

Para entregar uma encomenda guardamos o seu nome, e-mail, morada de entrega, telefone (se o indicar), o que comprou, os preços e a moeda, e a língua em que encomendou. A loja que envia um produto vê os dados de entrega das suas próprias linhas, e só esses. As encomendas são guardadas enquanto forem precisas para a entrega, as devoluções e a contabilidade das lojas.

## Pagamentos

Nos pagamentos com cartão, os dados do cartão vão diretamente para a Stripe, o nosso prestador de pagamentos; nunca os vemos nem guardamos. Guardamos apenas a referência do pagamento e se foi bem-sucedido. Quando a montra funciona em modo de demonstração, não é pedido nenhum dado de pagamento.

## Contas de lojistas e organizadores

Os compradores não precisam de conta. Lojistas e organizadores têm uma: guardamos o nome, o e-mail e um hash unidirecional da palavra-passe (nunca a palavra-passe em si). Cada sessão iniciada regista o endereço e o navegador de onde foi aberta; uma sessão termina após uma semana sem uso, ou 30 dias no máximo, e é então apagada. As tentativas de início de sessão são contadas por endereço para impedir que se adivinhem palavras-passe, e essas contagens são apagadas ao fim de um dia. As alterações feitas nas áreas dos lojistas e organizadores são registadas com o endereço de onde vieram, para poderem ser verificadas.

## Cookies

A montra usa apenas os cookies de que precisa, e nenhum de publicidade ou de estatísticas:

- **cart**: o seu carrinho, durante 60 dias; um carrinho sem alterações há 60 dias é apagado.
- **srs_session**: só quando inicia sessão, para a manter.
- **lang**: só quando a página inicial escolheu a sua língua a partir do navegador, para a lembrar (um ano).

## Os seus direitos

Pode pedir uma cópia dos seus dados, a sua correção ou apagamento escrevendo para [{{email}}](mailto:{{email}}). Apagamos o que pudermos; uma encomenda paga é guardada durante o tempo que a lei exige para a contabilidade.`,
  },
};

export default pt;
